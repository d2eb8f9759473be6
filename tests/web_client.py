"""The web application under Starlette's TestClient, as one browser session."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

with warnings.catch_warnings():  # Starlette suggests httpx2; httpx is what it still runs on
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

from planio.web import Settings, create_app

_TOKEN = re.compile(r'name="csrf" value="([^"]+)"')


class Browser:
    """One user: a cookie jar, the form token of its session, and helpers for the forms."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.token = self.csrf()

    def csrf(self) -> str:
        found = _TOKEN.search(self.client.get("/").text)
        assert found is not None
        return found.group(1)

    def upload(self, *files: tuple[str, bytes], follow: bool = False) -> object:
        return self.client.post(
            "/upload",
            data={"csrf": self.token},
            files=[("files", (name, data)) for name, data in files],
            follow_redirects=follow,
        )

    def upload_one(self, path: Path, name: str | None = None) -> str:
        """Upload a plan; return its page's address."""
        response = self.client.post(
            "/upload",
            data={"csrf": self.token},
            files=[("files", (name or path.name, path.read_bytes()))],
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        location: str = response.headers["location"]
        assert location.startswith("/p/")
        return location

    def post(self, url: str, fields: dict[str, str] | None = None, **kwargs: object) -> object:
        return self.client.post(
            url, data={"csrf": self.token, **(fields or {})}, follow_redirects=False, **kwargs
        )


@contextmanager
def browser(**settings: object) -> Iterator[Browser]:
    app = create_app(Settings(**settings))  # type: ignore[arg-type]
    with TestClient(app, base_url="http://testserver") as client:
        yield Browser(client)


@contextmanager
def two_browsers(**settings: object) -> Iterator[tuple[Browser, Browser]]:
    """Two users of one server (two cookie jars)."""
    app = create_app(Settings(**settings))  # type: ignore[arg-type]
    with TestClient(app) as one, TestClient(app) as two:
        yield Browser(one), Browser(two)
