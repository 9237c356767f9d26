# Diagnostic routes the suite binds through profiles (same as the JVM server).


def install(app):
    app.route("/raise", _raise, ("GET",))
    app.route("/echo", _echo, ("POST",))
    app.route("/query", lambda req: req.query, ("GET",))
    app.route("/api/whoami", lambda req: {"user": req.user}, ("GET",))


def _raise(req):
    raise RuntimeError("raised on purpose by /raise")


def _echo(req):
    """The parsed body as data; a large one is checked in pieces and sent back from its spool file."""
    sink = req.spool
    if sink is None:
        return req.json()
    from uconform import body, response, lazy
    lazy.load("jsonscan").check_file(sink.path)
    req.spool = None  # the answer owns the file now and removes it once sent
    stream = body.Enveloped(b'{"data": ', sink, b"}")
    return response.Response(200, stream=stream, length=stream.length)
