"""Sessions, cross-site request checks, safe download names and security headers.

A browser session is a random id in a cookie signed with the server's key (HMAC-SHA256), so a
user cannot pick another's id. Every form carries a token derived from the session (and a
request from another site is refused by its ``Origin``/``Sec-Fetch-Site`` before the token is
even read). Download names keep Cyrillic (RFC 5987 ``filename*``) with an ASCII fallback.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from http.cookies import SimpleCookie
from urllib.parse import quote

from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "planio_session"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"

#: no inline script or style, nothing from other sites, never framed
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make form posts "Origin: null"
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def _sign(key: bytes, value: str) -> str:
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:32]


def csrf_token(key: bytes, session: str) -> str:
    """The token every form of ``session`` must carry."""
    return _sign(key, f"csrf:{session}")


def csrf_ok(key: bytes, session: str, token: str | None) -> bool:
    return token is not None and hmac.compare_digest(csrf_token(key, session), token)


def same_origin(headers: Mapping[str, str]) -> bool:
    """False for a request a page of another site made (the browser says so)."""
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin is None:
        return True
    # the host only: behind the office's HTTPS proxy the page is https and the app sees http
    return origin.partition("://")[2] == headers.get("host", "") and origin.startswith("http")


def _session_from(scope: Scope, key: bytes) -> str | None:
    for name, value in scope["headers"]:
        if name != b"cookie":
            continue
        cookie: SimpleCookie = SimpleCookie()
        try:
            cookie.load(value.decode("latin-1"))
        except Exception:  # a malformed cookie header is simply no session
            continue
        morsel = cookie.get(COOKIE)
        if morsel is None:
            continue
        session, _, signature = morsel.value.partition(".")
        if session and hmac.compare_digest(_sign(key, session), signature):
            return session
    return None


class Guard:
    """ASGI middleware: the session cookie, and the security headers on every response."""

    def __init__(self, app: ASGIApp, key: bytes) -> None:
        self.app = app
        self.key = key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        session = _session_from(scope, self.key)
        fresh = session is None
        if session is None:
            session = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["session"] = session
        secure = "; Secure" if scope.get("scheme") == "https" else ""
        cookie = (
            f"{COOKIE}={session}.{_sign(self.key, session)}; Path=/; HttpOnly; "
            f"SameSite=Strict{secure}"
        )

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [(n, v) for n, v in HEADERS if n not in names]
                if b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                if fresh:
                    headers.append((b"set-cookie", cookie.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_guarded)


_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        (
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ),
        strict=True,
    )
)


def ascii_name(name: str) -> str:
    """A plain-ASCII stand-in for ``name`` (Russian transliterated) for old clients."""
    out = []
    for char in name:
        lower = char.lower()
        if lower in _TRANSLIT:
            latin = _TRANSLIT[lower]
            out.append(latin.capitalize() if char != lower else latin)
        elif char.isascii() and (char.isalnum() or char in " .-_()"):
            out.append(char)
        else:
            out.append("_")
    return "".join(out).strip() or "planio"


def content_disposition(name: str) -> str:
    """``attachment`` with an ASCII ``filename`` and the exact ``filename*`` (RFC 5987)."""
    return f"attachment; filename=\"{ascii_name(name)}\"; filename*=UTF-8''{quote(name, safe='')}"
