# The app: dispatch with guards, errors as JSON, nowait routes (NOWAIT-01); routes.py matches.
from uconform.errors import HttpError
from uconform import response, body, routes, lazy
from uconform.compat import start_thread


class App:
    def __init__(self, name):
        self.name = name
        self.routes = []
        self.on_error = None  # callable(request, exception) for console reporting
        self.guards = []      # callables(request) raising HttpError to refuse (e.g. auth)
        self.cors = False     # CORS-01..03: Access-Control-* headers only when switched on

    def route(self, pattern, handler, methods=None, nowait=False, validate=None):
        if methods is not None:
            methods = tuple(methods)
        r = routes.Route(pattern, handler, methods, nowait, validate)
        self.routes.append(r)
        return r

    def nowait(self, pattern, handler, methods=None, validate=None):
        return self.route(pattern, handler, methods, True, validate)

    def route_patterns(self):
        names = []
        for r in self.routes:
            if r.pattern not in names:
                names.append(r.pattern)
        if "/" not in names:
            names.append("/")
        names.sort()
        return names

    def find(self, method, path):
        """(route or None for the built-in index, params); HttpError 404/405 otherwise."""
        allowed = []
        for r in self.routes:
            params = r.match(path)
            if params is None:
                continue
            if method == "OPTIONS" or r.allows(method):
                return r, params
            for m in r.methods:
                if m not in allowed:
                    allowed.append(m)
        if path == "/":
            if method in ("GET", "HEAD", "OPTIONS"):
                return None, {}
            allowed.append("GET")
        if allowed:
            raise HttpError(405, "method not allowed", False, [("Allow", routes.allow_header(allowed))])
        raise HttpError(404, "no route for " + path)

    def allow_for(self, path):
        return routes.allow_for(self.routes, path)

    def sink_for(self, req):
        """Where the large body of req goes while it arrives: refused requests keep nothing."""
        try:
            route, params = self.find(req.method, req.path)
            req.params = params
            if req.method != "OPTIONS":
                for guard in self.guards:
                    guard(req)  # no credentials, no bytes on the filesystem (AUTH-06)
            if route is not None and route.sink is not None:
                made = route.sink(req)
                if made is not None:
                    return made
        except HttpError as e:
            return body.Refusal(e)
        return body.spool()

    def handle(self, req):
        """Dispatches one complete request; always returns a Response."""
        try:
            refused = getattr(req.spool, "error", None)
            if refused is not None:
                raise refused
            route, params = self.find(req.method, req.path)
            if req.method == "OPTIONS":
                return routes.options(self, req)
            req.params = params
            for guard in self.guards:
                guard(req)
            if route is None:
                return response.data({"name": self.name, "routes": self.route_patterns()})
            if route.validate is not None:
                route.validate(req)
            if route.nowait:
                start_thread(_run_background, (self, route.handler, req))
                return response.data(None)
            result = route.handler(req)
            if isinstance(result, response.Response):
                return result
            return response.data(result)
        except HttpError as e:
            return response.error(e.status, e.message, e.headers)
        except MemoryError as e:
            what = _what(e)  # the allocation that failed, for the console line
            e = None  # its traceback holds the request's frames: let them go first
            lazy.give_back()  # and precompiled features: a heap they filled would stay full for every request
            if self.on_error:
                self.on_error(req, MemoryError(what))
            return response.error(503, "out of memory: try again", [("Retry-After", "1")])
        except Exception as e:
            if self.on_error:
                self.on_error(req, e)
            return response.error(500, "handler failed: " + type(e).__name__)


def _what(e):
    try:
        return "out of memory (" + str(e) + ")" if e.args else "out of memory"
    except MemoryError:
        return "out of memory"


def decorate(app, resp):
    """Headers every response gets, server-made errors included (CORS-01)."""
    if app.cors:
        resp.headers.append(("Access-Control-Allow-Origin", "*"))
    return resp


def _run_background(app, handler, req):
    try:
        handler(req)
    except Exception as e:
        if app.on_error:
            app.on_error(req, e)
