"""Make tests/published/gov_034-libreoffice.pdf: gov_034.txt made into a .docx by
tests/documents.py, printed to PDF by LibreOffice (embedded, subset TrueType fonts with
ToUnicode maps; Unicode line breaking), as many issuers' PDFs are made.  Needs
LibreOffice (soffice) and a CJK font (Debian: libreoffice-writer-nogui fonts-wqy-microhei):

    python tests/published/make_libreoffice_pdf.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests import documents  # noqa: E402

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        docx = Path(folder) / "gov_034-libreoffice.docx"
        docx.write_bytes(documents.make_docx((HERE / "gov_034.txt").read_text(encoding="utf-8")))
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", folder, str(docx)], check=True)
        shutil.copy(docx.with_suffix(".pdf"), HERE / docx.with_suffix(".pdf").name)
