# Routes: first match wins, {name} segments, trailing * wildcard; Allow and OPTIONS answers.
from uconform import response

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


def options(app, req):
    """The answer to OPTIONS: Allow for the path, and the CORS preflight headers when switched on."""
    resp = response.Response(204, b"", headers=[("Allow", allow_for(app.routes, req.path))])
    if app.cors and req.header("access-control-request-method"):
        # the device-wide CORS policy (as the JVM reference server states it)
        resp.headers.append(("Access-Control-Allow-Methods", CORS_METHODS))
        resp.headers.append(("Access-Control-Allow-Headers", "Authorization, Content-Type"))
        resp.headers.append(("Access-Control-Max-Age", "600"))
    return resp


def allow_for(routes, path):
    methods = []
    for r in routes:
        if r.match(path) is not None:
            for m in (r.methods or ALL_METHODS):
                if m not in methods:
                    methods.append(m)
    if path == "/" and "GET" not in methods:
        methods.append("GET")
    return allow_header(methods)


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
