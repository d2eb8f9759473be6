"""planio in the browser: a small web application over the library (``planio serve``).

Pages are rendered on the server (Jinja2, sandboxed and autoescaped) in the catalogue's
language; the one script and the style sheet ship in the package, so it runs on office networks
without internet. Install with ``pip install "planio[web]"``.
"""

from planio.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
