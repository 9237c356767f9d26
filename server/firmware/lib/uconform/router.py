# Routing: first match wins, {name} segments, trailing * wildcard, nowait routes (NOWAIT-01).
from uconform.errors import HttpError
from uconform import response, body
from uconform.compat import start_thread, collect

ALL_METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")
CORS_METHODS = ", ".join(ALL_METHODS)


class Route:
    def __init__(self, pattern, handler, methods, nowait, validate=None):
        self.validate = validate  # runs before a nowait handler, so bad input still gets 400
        self.upload = False       # True: body limit is max_upload_bytes
        self.sink = None          # callable(req) -> where a large body goes (else a spool file)
        self.pattern = pattern
        self.segments = pattern.split("/")
        self.handler = handler
        self.methods = methods
        self.nowait = nowait

    def match(self, path):
        """The params dict when path matches, else None."""
        parts = path.split("/")
        segs = self.segments
        params = {}
        for i in range(len(segs)):
            seg = segs[i]
            if seg == "*" and i == len(segs) - 1:
                if i >= len(parts):
                    return None  # "/files/*" matches "/files/" and below, not "/files"
                params["*"] = "/".join(parts[i:])
                return params
            if i >= len(parts):
                return None
            if len(seg) > 2 and seg[0] == "{" and seg[-1] == "}":
                if not parts[i]:
                    return None
                params[seg[1:-1]] = parts[i]
            elif seg != parts[i]:
                return None
        return params if len(parts) == len(segs) else None

    def allows(self, method):
        if self.methods is None:
            return True
        return method in self.methods or (method == "HEAD" and "GET" in self.methods)


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
        r = Route(pattern, handler, methods, nowait, validate)
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
            raise HttpError(405, "method not allowed", False, [("Allow", allow_header(allowed))])
        raise HttpError(404, "no route for " + path)

    def allow_for(self, path):
        methods = []
        for r in self.routes:
            if r.match(path) is not None:
                for m in (r.methods or ALL_METHODS):
                    if m not in methods:
                        methods.append(m)
        if path == "/" and "GET" not in methods:
            methods.append("GET")
        return allow_header(methods)

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
                allow = self.allow_for(req.path)
                resp = response.Response(204, b"", headers=[("Allow", allow)])
                if self.cors and req.header("access-control-request-method"):
                    # the device-wide CORS policy (as the JVM reference server states it)
                    resp.headers.append(("Access-Control-Allow-Methods", CORS_METHODS))
                    resp.headers.append(("Access-Control-Allow-Headers", "Authorization, Content-Type"))
                    resp.headers.append(("Access-Control-Max-Age", "600"))
                return resp
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
        except MemoryError:
            collect()
            if self.on_error:
                self.on_error(req, MemoryError("out of memory"))
            return response.error(503, "out of memory: try again", [("Retry-After", "1")])
        except Exception as e:
            if self.on_error:
                self.on_error(req, e)
            return response.error(500, "handler failed: " + type(e).__name__)


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


def allow_header(methods):
    out = []
    for m in methods:
        if m not in out:
            out.append(m)
    if "GET" in out and "HEAD" not in out:
        out.append("HEAD")
    if "OPTIONS" not in out:
        out.append("OPTIONS")
    return ", ".join(out)
