"""LibreOffice headless, for the conversions planio cannot do itself.

Writers use it to make PDFs; readers use it to turn old and other office formats (.doc, .rtf,
.odt) into DOCX. Each run gets a private profile, so parallel runs never collide.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from planio.errors import MissingToolError, PlanioError
from planio.i18n import _

TIMEOUT_SECONDS = 300
INSTALL_HINT = "apt-get install libreoffice-writer-nogui"


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, target: str, out_dir: Path, why: str) -> Path:
    """Convert ``source`` to ``target`` ("pdf", "docx") in ``out_dir``; return the new file.

    ``why`` completes the message when LibreOffice is missing ("PDF needs LibreOffice…").
    """
    soffice = find_soffice()
    if soffice is None:
        raise MissingToolError(
            _("{why}, but LibreOffice is not installed ({hint})").format(
                why=_(why), hint=INSTALL_HINT
            ),
            source,
        )
    with tempfile.TemporaryDirectory() as profile:
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    target,
                    "--outdir",
                    str(out_dir),
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise PlanioError(
                _("LibreOffice could not convert it to {target} ({reason})").format(
                    target=target, reason=exc
                ),
                source,
            ) from None
    result = out_dir / f"{source.stem}.{target}"
    if not result.is_file():
        raise PlanioError(
            _("LibreOffice could not convert it to {target}").format(target=target), source
        )
    return result


def docx_to_pdf(source: Path, out_dir: Path | None = None) -> Path:
    """A PDF of ``source`` beside it (or in ``out_dir``)."""
    return convert(source, "pdf", out_dir or source.parent, "the PDF needs LibreOffice")
