# STREAM-01: a multipart/x-mixed-replace stream of small JSON parts until the client leaves.
import json
from uconform import response
from uconform.compat import ticks_ms, ticks_diff

BOUNDARY = "uconformframe"
INTERVAL_MS = 200


def part(payload):
    body = json.dumps(payload).encode()
    head = "--%s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (BOUNDARY, len(body))
    return head.encode() + body + b"\r\n"


class StreamSession:
    def __init__(self, frames, interval_ms):
        self.frames = frames  # callable(n) -> the payload of part n
        self.interval_ms = interval_ms
        self.sent = 0
        self.last = None

    def received(self, conn, data):
        pass

    def expired(self, conn, now):
        """Adds the next part when the interval has passed and the previous one left (backpressure)."""
        if conn.out or (self.last is not None and ticks_diff(now, self.last) < self.interval_ms):
            return False
        self.sent += 1
        self.last = now
        conn.out.append(part(self.frames(self.sent)))
        return True

    def closed(self, conn):
        pass


def open_stream(req, frames, interval_ms=INTERVAL_MS):
    resp = response.Response(200, b"", "multipart/x-mixed-replace; boundary=" + BOUNDARY,
                             [("Cache-Control", "no-cache")])
    resp.length = None
    if req.method != "HEAD":
        resp.upgrade = lambda limits: StreamSession(frames, interval_ms)
    return resp


def route(app, path, frames, interval_ms=INTERVAL_MS):
    app.route(path, lambda req: open_stream(req, frames, interval_ms), ("GET",))
