# One client connection's state: input buffer, request heads, queued output (no socket calls).
# Body framing is in framing.py.
from uconform import parser, chunked, response, framing
from uconform.errors import HttpError
from uconform.compat import ticks_ms, ticks_diff


class Connection:
    def __init__(self, sock, limits, now):
        self.sock = sock
        self.limits = limits
        self.buf = b""
        self.out = []            # queued byte chunks, oldest first
        self.streams = []        # [(position in out, stream, remaining)] for file bodies
        self.served = 0
        self.last_activity = now
        self.head_started = now  # the header timeout runs from here while a head is incomplete
        self.body_started = now  # the body timeout runs from the end of the head
        self.pending = None      # (request, body mode, length) while waiting for a body
        self.closing = False     # close once the output is flushed
        self.lingering = None    # ticks when lingering (discarding input) started
        self.after = []          # callables to run once the output is flushed
        self.upgrade = None      # a protocol handler that takes over the connection
        self.decorate = None     # callable(resp) adding headers every response carries
        self.parts = []          # body bytes received while a Content-Length body is pending
        self.parts_len = 0
        self.sink = None         # where a large or chunked body goes as it arrives (body.py)
        self.overflow = 0        # 414/431 when a head grew past max_header_bytes (its bytes not kept)
    def idle(self):
        return not self.buf and not self.out and self.pending is None and not self.parts
    def feed(self, data, now):
        if self.idle():
            self.head_started = now
        self.last_activity = now
        if self.pending is not None and self.pending[1] == "length":
            if self.sink is not None:
                self.buf += framing.to_sink(self, data, self.pending[2])
            else:
                self.parts.append(data)  # a short body: joined once when complete
                self.parts_len += len(data)
        elif self.pending is not None:
            self.buf += data  # a chunked body: the decoder takes it piece by piece
        elif self.overflow:
            return  # a head already over the limit: 431 is coming, its bytes are not kept
        else:
            self._feed_head(data)
    def _feed_head(self, data):
        """A head arrives. Past its request line the pieces stay apart until the blank line comes
        (then one join), so a head never grows by copying (a 4 KB head took 3 KB + 4 KB at once)."""
        parts = self.parts
        prev = parts[-2] if len(parts) > 1 else self.buf
        tail = (prev[-3:] + parts[-1])[-3:] if parts else self.buf[-3:]
        end_at = (tail + data).find(b"\r\n\r\n")
        ends = end_at >= 0
        before = len(self.buf) + self.parts_len
        if ends and parts and before - len(tail) + end_at - parser.skip_leading_crlf(self.buf) \
                > self.limits.max_header_bytes:
            self.overflow = 431  # complete but over the limit: 431 without joining it (4 KB in one block)
        elif not ends and before + len(data) > self.limits.max_header_bytes + 4:
            # Over the limit with no end of head in sight: never build a buffer larger than the
            # limit (on a device heap a 5 KB contiguous block may not exist) -- 414/431 follows.
            line_open = not parts and self.buf.find(b"\r\n") < 0 and data.find(b"\r\n") < 0 \
                and self.buf[-1:] + data[:1] != b"\r\n"
            self.overflow = 414 if line_open else 431
        elif ends or not parts and self.buf.find(b"\r\n", parser.skip_leading_crlf(self.buf)) < 0:
            # complete now, or still in its request line (the 414 check needs that line whole)
            if parts:
                parts.append(data)
                self.buf = self.buf + b"".join(parts)
                self.parts = []
                self.parts_len = 0
            else:
                self.buf += data
        else:
            if parts and len(parts[-1]) < 256:
                parts[-1] += data  # a trickled head: not one object per byte
            else:
                parts.append(data)
            self.parts_len += len(data)
    def queue(self, resp, close, head_only):
        if self.decorate is not None:
            self.decorate(resp)
        self.out.append(response.encode_head(resp, close, head_only))
        if head_only and resp.stream is not None:
            resp.stream.close()  # HEAD: the file was opened for its length only
        if not head_only:
            if resp.stream is not None:
                self.out.append((resp.stream, resp.length, resp.chunked))
            elif resp.chunked:
                if resp.body:
                    self.out.append(chunked.encode_chunk(resp.body))
                self.out.append(chunked.LAST_CHUNK)
            elif resp.body:
                self.out.append(resp.body)
        if resp.after:
            self.after.append(resp.after)
        if close:
            self.closing = True
    def fail(self, err):
        """Answers a framing error and closes: the rest of the input cannot be trusted."""
        self.queue(response.error(err.status, err.message, err.headers), True, False)
        self.buf = b""
        self.overflow = 0
        self.parts = []
        self.parts_len = 0
        self.pending = None
        self.abort()
    def abort(self):
        """Drops a body half received: nothing of it stays on the filesystem."""
        if self.sink is not None:
            self.sink.discard()
            self.sink = None
    def next_request(self, app):
        """Returns the next complete request (body read) or None; raises HttpError."""
        if self.pending is None:
            if self.overflow:
                status, self.overflow = self.overflow, 0
                raise HttpError(status, "request target too long" if status == 414
                                else "request header fields too large", True)
            if self.parts:
                return None  # a head past its request line, not complete yet (_feed_head)
            skip = parser.skip_leading_crlf(self.buf)
            if skip:
                self.buf = self.buf[skip:]
            end = parser.find_head_end(self.buf)
            if end < 0:
                if self.buf:
                    parser.check_incomplete_head(self.buf, self.limits)
                return None
            if end - 4 > self.limits.max_header_bytes:
                raise HttpError(431, "request header fields too large", True)
            req = parser.parse_lines(parser.head_lines(self.buf, end - 4), self.limits)
            self.buf = self.buf[end:] if end < len(self.buf) else b""
            self.body_started = ticks_ms()
            self.pending = framing.start(self, req, app)
        return framing.read_body(self)
    def head_expired(self, now):
        """Whole-request deadlines: the head within header_timeout_ms of the request's first byte,
        a declared body within body_timeout_ms of the end of its head, however the bytes trickle in.
        A silent connection is idle instead."""
        if self.pending is not None:
            return ticks_diff(now, self.body_started) > self.limits.body_timeout_ms
        return bool(self.buf) and ticks_diff(now, self.head_started) > self.limits.header_timeout_ms
    def unfinished(self):
        """Still sending its request (head or body): may be dropped for a new client when all slots are busy."""
        return (self.pending is not None or bool(self.buf)) and self.upgrade is None \
            and not self.closing and self.lingering is None and not self.out
    def evictable(self):
        """Idle between requests (or not started): may be closed to make room for a new client."""
        return self.idle() and self.upgrade is None and not self.closing and self.lingering is None
    def idle_expired(self, now):
        return ticks_diff(now, self.last_activity) > self.limits.keep_alive_idle_ms
