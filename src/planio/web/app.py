"""The application: settings, the shared state of one server, and the Starlette app.

One process serves everyone: a store of uploads under random ids, a small pool of worker
threads for everything that reads or writes documents (so one large PDF never blocks the
page for the others), and a sweeper that deletes what has been idle past the TTL.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import anyio
import anyio.to_thread
from jinja2 import FileSystemLoader, select_autoescape
from jinja2.sandbox import SandboxedEnvironment
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from planio import __version__
from planio.i18n import _, language
from planio.web.security import Guard
from planio.web.store import Store

HERE = Path(__file__).parent
T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    """Limits of one server; the defaults suit an office of a few dozen people."""

    max_file_bytes: int = 20 * 2**20
    max_files: int = 10
    #: the signature image sent with a download (PNG/JPEG)
    max_image_bytes: int = 2 * 2**20
    #: an upload idle this long is deleted (seconds)
    ttl_seconds: float = 30 * 60
    #: documents read or written at once; more wait their turn
    workers: int = 2
    #: uploads one browser keeps; the oldest goes first
    per_owner: int = 30
    #: uploads the whole server keeps (every user together); more are refused until some expire
    max_entries: int = 2000
    #: the key that signs session cookies; a fresh random one by default
    secret: bytes | None = None
    #: where the private upload folder is made (the system's temp folder by default)
    scratch: Path | None = None

    @property
    def max_request_bytes(self) -> int:
        return self.max_files * self.max_file_bytes + 256 * 1024


class Web:
    """What every request of one server shares."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.key = settings.secret or secrets.token_bytes(32)
        self.store = Store(settings.ttl_seconds, settings.per_owner, settings.scratch)
        self.templates = SandboxedEnvironment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.templates.globals.update(_=_, version=__version__)
        self._limiter: anyio.CapacityLimiter | None = None

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in the bounded worker pool, off the event loop."""
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.settings.workers)
        return await anyio.to_thread.run_sync(function, *args, limiter=self._limiter)

    def page(self, request: Request, template: str, status: int = 200, **context: Any) -> Response:
        from planio.web.security import csrf_token

        session = request.scope.get("state", {}).get("session", "")
        html = self.templates.get_template(template).render(
            csrf=csrf_token(self.key, session), lang=language(), **context
        )
        return HTMLResponse(html, status_code=status)

    def message(self, request: Request, status: int, text: str) -> Response:
        """A page with one message a person can act on (errors: too large, not found, …)."""
        return self.page(request, "message.html", status=status, text=text)


def web_of(request: Request) -> Web:
    web: Web = request.app.state.web
    return web


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    texts = {
        404: _("This page does not exist, or the file was deleted after some time unused."),
        403: _("The page is out of date; open it again."),
        405: _("This address is not opened like that; go back to the start page."),
        415: _("Choose the files with the button or drop them here."),
        413: _("Too much was sent at once."),
    }
    text = texts.get(exc.status_code, _("The request could not be handled."))
    return web_of(request).message(request, exc.status_code, text)


async def _server_error(request: Request, exc: Exception) -> Response:
    text = _("Something went wrong inside planio (a bug); the file was not changed.")
    return web_of(request).message(request, 500, text)


def create_app(settings: Settings | None = None) -> Starlette:
    """The planio web application (an ASGI app: run it with uvicorn)."""
    from planio.web import routes

    web = Web(settings or Settings())

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with anyio.create_task_group() as tasks:

            async def sweep() -> None:
                while True:
                    await anyio.sleep(min(60.0, web.settings.ttl_seconds / 2))
                    web.store.sweep()

            tasks.start_soon(sweep)
            try:
                yield
            finally:
                tasks.cancel_scope.cancel()
                web.store.close()

    app = Starlette(
        routes=[
            Route("/", routes.index, methods=["GET"]),
            Route("/upload", routes.upload, methods=["POST"]),
            Route("/p/{entry}", routes.show, methods=["GET"]),
            Route("/p/{entry}/save", routes.save, methods=["POST"]),
            Route("/p/{entry}/download/{kind}", routes.download, methods=["POST"]),
            Route("/p/{entry}/next-year", routes.draft, methods=["POST"]),
            Route("/p/{entry}/columns", routes.columns, methods=["POST"]),
            Route("/p/{entry}/delete", routes.delete, methods=["POST"]),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ],
        exception_handlers={HTTPException: _http_error, 500: _server_error},
        lifespan=lifespan,
    )
    app.state.web = web
    app.add_middleware(Guard, key=web.key)
    return app
