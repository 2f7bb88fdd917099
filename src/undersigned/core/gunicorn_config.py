"""gunicorn's configuration for `undersigned serve` (`--config python:` this module).

gunicorn names itself in every answer (`Server: gunicorn`), which tells a visitor what to look
up against it, and has no setting to stop it: its responses are made without that header here.
Imported by gunicorn's master before it starts its workers, which inherit it.
"""

from gunicorn.http import wsgi

_default_headers = wsgi.Response.default_headers


def _without_server(self: wsgi.Response) -> list[str]:
    return [line for line in _default_headers(self) if not line.lower().startswith("server:")]


wsgi.Response.default_headers = _without_server
