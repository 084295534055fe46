"""A small corpus in a temporary folder, built from the fixtures: real plans, re-encoded
copies, files that are not plans, a folder inside a folder, and files a folder must not
yield.  Shared by test_corpus.py and test_db.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zhiliang_cli.source import BUNDLED_PLAN

from .conftest import FIXTURES


@dataclass
class Corpus:
    root: Path
    good: list[str]  # readable plans, in the order a folder yields them (paths as the folder gives them)
    bad: list[str]  # files that are not plans

    @property
    def arg(self) -> str:
        return str(self.root)


def make_corpus(root: Path) -> Corpus:
    deeper = root / "sub" / "deeper"
    deeper.mkdir(parents=True)
    (root / ".git").mkdir()
    files: dict[str, bytes] = {
        "province_2024.txt": (FIXTURES / "province_2024.txt").read_bytes(),
        "three_level.txt": (FIXTURES / "three_level.txt").read_bytes(),
        "problems.txt": (FIXTURES / "problems.txt").read_bytes(),
        "sub/guangdong.TXT": (FIXTURES / "guangdong_style.txt").read_bytes(),
        "sub/plan_2023.gb18030.txt": BUNDLED_PLAN.read_text(encoding="utf-8").encode("gb18030"),
        "sub/deeper/three_level.utf16.txt": (FIXTURES / "three_level.txt").read_text(encoding="utf-8").encode("utf-16"),
        "sub/deeper/everything.txt": (FIXTURES / "variants" / "everything.txt").read_bytes(),
    }
    bad: dict[str, bytes] = {
        "prose.txt": "这是一段普通的文字，没有任何章节标题。\n".encode(),
        "sub/empty.txt": b"",
        "sub/deeper/scan.txt": b"%PDF-1.7\n\x93\x8c binary",
    }
    ignored: dict[str, bytes] = {
        "notes.md": b"# not a plan file",
        ".draft.txt": (FIXTURES / "three_level.txt").read_bytes(),
        ".git/plan.txt": (FIXTURES / "three_level.txt").read_bytes(),
    }
    for name, data in {**files, **bad, **ignored}.items():
        (root / name).write_bytes(data)
    return Corpus(
        root,
        good=sorted(str(root / name) for name in files),
        bad=sorted(str(root / name) for name in bad),
    )
