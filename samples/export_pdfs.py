"""Export every sample DOCX to PDF with LibreOffice headless, as a secretary's PDF would be.

    python samples/export_pdfs.py                  # every sample
    python samples/export_pdfs.py plan-unruled     # only these (by name, without .docx)

The PDFs are committed next to their DOCX; the tests check that each parses to the same plan,
and remake each with other producers (``tests/producers.py``: pdftocairo, a Chromium print,
Word-style filled borders, rotated pages) so the reader never knows only LibreOffice's PDFs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed: apt-get install -y libreoffice-writer-nogui")
    wanted = set(sys.argv[1:])
    sources = sorted(p for p in SAMPLES.glob("*.docx") if not wanted or p.stem in wanted)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(SAMPLES),
                *map(str, sources),
            ],
            check=True,
            capture_output=True,
        )
    for source in sources:
        print(source.with_suffix(".pdf").relative_to(SAMPLES.parent))


if __name__ == "__main__":
    main()
