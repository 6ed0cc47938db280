"""The web app: server-rendered pages (Jinja2) over the same service functions as the HTTP API,
served at ``/`` by the same FastAPI app (the API stays under ``/api/v1``).

Pages work without JavaScript; the one script (``static/app.js``, hand-written) only adds live
progress and drag-and-drop. Sessions are a signed cookie with a CSRF token (``session.py``).
"""

from resumeiq.web.router import install_web

__all__ = ["install_web"]
