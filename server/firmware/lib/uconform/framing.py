# Request bodies of one connection: Content-Length or chunked framing, small bodies in RAM,
# large ones into a sink (body.py) as they arrive. Apart from connection.py so that each module
# compiles in a few KB of heap on a device.
from uconform import parser, chunked, body
from uconform.errors import HttpError

CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"


def to_sink(conn, data, length):
    """Writes what belongs to the body into the sink; returns the bytes after it (a next request)."""
    room = length - conn.sink.size
    if room > 0:
        conn.sink.write(data[:room] if len(data) > room else data)
    return data[room:] if len(data) > room else b""


def start(conn, req, app):
    limit = _body_limit(req, app, conn.limits)
    if req.header("transfer-encoding") is not None:
        conn.sink = _sink(app, req)
        mode, length = "chunked", chunked.Decoder(limit, conn.sink)  # "length" holds the decoder
    else:
        length = parser.content_length(req)
        if length is None:
            if req.method in ("POST", "PUT") and conn.buf \
                    and not parser.looks_like_request_start(conn.buf):
                raise HttpError(411, "length required", True)
            length = 0
        if length > limit:
            raise HttpError(413, "request body too large", True)
        mode = "length"
        if length > body.RAM_BODY:
            conn.sink = _sink(app, req)
            conn.buf = to_sink(conn, conn.buf, length)
    expect = (req.header("expect") or "").lower()
    if expect == "100-continue" and (mode == "chunked" or length > 0):
        app.find(req.method, req.path)  # 404/405 come before 100 Continue (LIM-06)
        if not conn.buf:
            conn.out.append(CONTINUE)
    return req, mode, length, limit


def read_body(conn):
    req, mode, length, limit = conn.pending
    if conn.sink is not None:
        if mode == "length":
            if conn.sink.size < length:
                return None
        else:
            conn.buf, done = length.step(conn.buf)
            if not done:
                return None
        conn.sink.finish()
        req.spool, conn.sink = conn.sink, None
    elif mode == "length":
        if len(conn.buf) + conn.parts_len < length:
            return None
        if conn.parts:
            conn.buf = conn.buf + b"".join(conn.parts)
            conn.parts = []
            conn.parts_len = 0
        req.body = conn.buf[:length]
        conn.buf = conn.buf[length:]
    else:
        conn.buf, done = length.step(conn.buf)
        if not done:
            return None
        req.body = length.body()
    conn.pending = None
    return req


def _sink(app, req):
    try:
        return app.sink_for(req)
    except OSError:
        raise HttpError(503, "no room for the request body", True)


def _body_limit(req, app, limits):
    limit = limits.max_body_bytes
    try:
        route, _ = app.find(req.method, req.path)
        if route is not None and getattr(route, "upload", False):
            limit = limits.max_upload_bytes
    except HttpError:
        pass
    return limit
