"""The one family of errors planio raises for bad input.

    PlanioError                 anything wrong with what the caller gave planio
    ├── InputError              the file cannot be used at all
    │   ├── FileMissingError    no such file, or not a regular file
    │   ├── EmptyFileError      the file has no bytes
    │   ├── TooLargeError       the file (or what it inflates to) passes a size limit
    │   ├── UnsupportedFormatError  not a format planio reads
    │   └── CorruptFileError    the format is right but the file is broken or unsafe
    ├── NoPlanError             the file reads, but holds no plan table
    │   └── ScannedDocumentError  a PDF with no text layer (a scan): nothing to read
    ├── ColumnsError            the column mapping the user gave does not fit (unknown role, …)
    ├── TemplateRenderError     a (user's) template is broken or tries what the sandbox forbids
    └── MissingToolError        an outside program planio needs (LibreOffice) is not installed

Every error carries the ``path`` it is about, and ``str(error)`` is one line a secretary can
act on. Anything else escaping planio is a bug, not a bad input; the CLI keeps the two apart.
"""

from __future__ import annotations

from pathlib import Path


class PlanioError(Exception):
    """Base of every error planio raises for bad input."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        super().__init__(f"{self.path}: {message}" if self.path else message)


class InputError(PlanioError):
    """The input cannot be used at all."""


class FileMissingError(InputError):
    """The path does not name a readable regular file."""


class EmptyFileError(InputError):
    """The file has no bytes."""


class TooLargeError(InputError):
    """The file, or what it inflates to, is over a size limit."""


class UnsupportedFormatError(InputError):
    """The content is not a format planio reads."""


class CorruptFileError(InputError):
    """The format is recognised but the file is broken or unsafe to read."""


class NoPlanError(PlanioError):
    """The document reads, but no plan table was found in it."""


class ScannedDocumentError(NoPlanError):
    """A PDF without a text layer, usually a scan; it needs OCR or the original DOCX."""


class ColumnsError(PlanioError):
    """The user's column mapping names an unknown role or a column the table does not have."""


class TemplateRenderError(PlanioError):
    """A template cannot be rendered: bad Jinja, or an operation the sandbox forbids."""


class MissingToolError(PlanioError):
    """An outside program planio needs for this job (LibreOffice for PDF) is not installed."""
