"""Size limits for documents from outside: a plan is kilobytes, not gigabytes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Upper bounds a reader enforces before doing real work."""

    #: bytes of the input file itself
    max_file_bytes: int = 100 * 2**20
    #: bytes a ZIP-based document may inflate to, summed over its parts
    max_inflated_bytes: int = 300 * 2**20
    #: parts in a ZIP-based document
    max_parts: int = 5000
    #: pages of a PDF
    max_pages: int = 2000
    #: characters on one PDF page (a dense A4 page holds under 10,000)
    max_page_chars: int = 100_000


DEFAULT_LIMITS = Limits()
