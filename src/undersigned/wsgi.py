import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
application = get_wsgi_application()


def granian_application():
    """What `serve --server granian` runs (a factory: granian calls it in each worker): the
    site with gunicorn's two manners that granian lacks, a request time limit (WEB_TIMEOUT) and
    no `Server` header naming the software."""
    from django.conf import settings

    from undersigned.core.timelimit import TimeLimited, die_with_parent

    # granian's workers outlive a killed granian, holding the port (SO_REUSEPORT) beside the
    # granian serve starts again; this one follows its parent.
    die_with_parent(parent_name="granian")
    return TimeLimited(_without_server_header(application), settings.WEB_TIMEOUT)


def _without_server_header(app):
    # granian adds `server: granian` unless the answer has its own Server header (it has no
    # setting to leave it out): an empty one names nothing.
    def with_empty_server(environ, start_response):
        def start(status, headers, exc_info=None):
            headers = [(k, v) for k, v in headers if k.lower() != "server"]
            return start_response(status, [*headers, ("Server", "")], exc_info)

        return app(environ, start)

    return with_empty_server
