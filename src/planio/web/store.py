"""What users uploaded, kept briefly under random ids in a private folder.

Each upload gets an unguessable id (``secrets.token_urlsafe``) and belongs to the browser
session that sent it: another session asking for it gets "not found", never the plan. Entries
live in memory (the plan) and in a private folder (the uploaded bytes, for a re-read with
another column mapping); both go once the entry is deleted, idle past the TTL, or the server
stops. Nothing a user types ever becomes a path: folders are named by the ids alone.
"""

from __future__ import annotations

import hmac
import re
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from planio.model import Plan

_ID = re.compile(r"^[A-Za-z0-9_-]{22}$")
UPLOAD_NAME = "upload"


@dataclass
class Entry:
    """One uploaded file and what planio made of it (a plan, or the one-line reason)."""

    id: str
    owner: str
    name: str
    folder: Path
    plan: Plan | None = None
    error: str | None = None
    #: for next year's draft: the plan it was drafted from (what moved is shown against it)
    previous: Plan | None = None
    #: the upload was a tracking workbook: it can give the progress report
    tracking: bool = False
    touched: float = field(default_factory=time.monotonic)
    created: float = field(default_factory=time.monotonic)

    @property
    def upload(self) -> Path:
        return self.folder / UPLOAD_NAME


class Store:
    """Entries by id, each readable only by its owner, swept after ``ttl`` seconds idle."""

    def __init__(self, ttl: float, per_owner: int, root: Path | None = None) -> None:
        self.ttl = ttl
        self.per_owner = per_owner
        self.root = Path(tempfile.mkdtemp(prefix="planio-web-", dir=root))
        self.root.chmod(0o700)
        self._entries: dict[str, Entry] = {}
        self._lock = threading.Lock()

    def add(
        self,
        owner: str,
        name: str,
        data: bytes | None = None,
        *,
        plan: Plan | None = None,
        error: str | None = None,
        previous: Plan | None = None,
        tracking: bool = False,
    ) -> Entry:
        """A new entry for ``owner``; the oldest of theirs goes when they pass the cap."""
        entry_id = secrets.token_urlsafe(16)
        folder = self.root / entry_id
        folder.mkdir(mode=0o700)
        entry = Entry(entry_id, owner, name, folder, plan, error, previous, tracking)
        if data is not None:
            entry.upload.write_bytes(data)
        with self._lock:
            self._entries[entry_id] = entry
            mine = [e for e in self._entries.values() if e.owner == owner]
        for old in sorted(mine, key=lambda e: e.touched)[: max(0, len(mine) - self.per_owner)]:
            self.remove(old.id)
        return entry

    def get(self, owner: str, entry_id: str) -> Entry | None:
        """The entry, if ``entry_id`` is well-formed, alive and ``owner``'s; else None."""
        if not _ID.match(entry_id):
            return None
        with self._lock:
            entry = self._entries.get(entry_id)
        if entry is None or not hmac.compare_digest(entry.owner, owner):
            return None
        if time.monotonic() - entry.touched > self.ttl:
            self.remove(entry_id)
            return None
        entry.touched = time.monotonic()
        return entry

    def of(self, owner: str) -> list[Entry]:
        """``owner``'s entries, oldest first."""
        with self._lock:
            mine = [e for e in self._entries.values() if e.owner == owner]
        return sorted(mine, key=lambda e: e.created)

    def remove(self, entry_id: str) -> None:
        with self._lock:
            entry = self._entries.pop(entry_id, None)
        if entry is not None:
            shutil.rmtree(entry.folder, ignore_errors=True)

    def sweep(self) -> int:
        """Delete every entry idle past the TTL; return how many went."""
        now = time.monotonic()
        with self._lock:
            old = [e.id for e in self._entries.values() if now - e.touched > self.ttl]
        for entry_id in old:
            self.remove(entry_id)
        return len(old)

    def __len__(self) -> int:
        return len(self._entries)

    def close(self) -> None:
        """Delete everything (the server stops)."""
        with self._lock:
            self._entries.clear()
        shutil.rmtree(self.root, ignore_errors=True)
