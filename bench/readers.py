"""Extraction throughput of the readers, per format (issue 13).

    python bench/readers.py            # best of 5 passes over each document
    python bench/readers.py --quick    # one pass

The documents are the bundled 2023 plan made into a .docx (python-docx), a PDF
(reportlab, STSong-Light, 31 pages) and saved web pages in UTF-8 and GB2312
(tests/documents.py), and, for scale, the same plan repeated 10 times in each
format.  Each is extracted in-process with zhiliang_cli.readers.extract (no
cache, no parse), after one warm-up that pays the library's import.  Reported:
input MB/s, extracted characters per second, and pages (PDF) or paragraphs per
second.  Needs the test extra (pip install -e ".[test]").
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import documents

from zhiliang_cli import readers
from zhiliang_cli.source import BUNDLED_PLAN, RawSource

PAGE_COPY = ("栏目", "分享到", "附件下载")


def _page(text: str, charset: str) -> bytes:
    lines = [line for line in text.splitlines() if not line.startswith(PAGE_COPY)]
    return documents.make_html(lines[0], "\n".join(lines[1:]), charset)


MAKERS = {
    "docx": documents.make_docx,
    "pdf": documents.make_pdf,
    "html-utf8": lambda text: _page(text, "utf-8"),
    "html-gb2312": lambda text: _page(text, "gb2312"),
}


def measure(data: bytes, passes: int) -> tuple[float, readers.Extracted]:
    raw = RawSource("bench", data, "")
    extracted = readers.extract(raw)  # warm-up: the library's import
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        extracted = readers.extract(raw)
        best = min(best, time.perf_counter() - start)
    return best, extracted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one pass, and no tenfold documents")
    args = parser.parse_args()
    passes, scales = (1, [1]) if args.quick else (5, [1, 10])
    plan = BUNDLED_PLAN.read_text(encoding="utf-8")
    print(f"# zl readers: {platform.machine()}, Python {platform.python_version()}, best of {passes}")
    print(
        f"{'format':<12} {'copies':>6} {'input KB':>9} {'seconds':>8} {'MB/s':>6} {'kchar/s':>8} {'pages|paras/s':>14}"
    )
    for name, make in MAKERS.items():
        for scale in scales:
            data = make("\n".join([plan] * scale))
            seconds, extracted = measure(data, passes)
            units = extracted.pages or extracted.paragraphs or 0
            print(
                f"{name:<12} {scale:>6} {len(data) / 1024:>9.0f} {seconds:>8.3f} {len(data) / 2**20 / seconds:>6.2f}"
                f" {len(extracted.text) / 1000 / seconds:>8.0f} {units / seconds:>14.0f}"
            )


if __name__ == "__main__":
    main()
