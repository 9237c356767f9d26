# Diagnostic routes the suite binds through profiles (same as the JVM server).


def install(app):
    app.route("/raise", _raise, ("GET",))
    app.route("/echo", lambda req: req.json(), ("POST",))
    app.route("/query", lambda req: req.query, ("GET",))
    app.route("/api/whoami", lambda req: {"user": req.user}, ("GET",))


def _raise(req):
    raise RuntimeError("raised on purpose by /raise")
