# The socket loop: ONE non-blocking select.poll loop serving several clients at once.
import socket
import select
from uconform import response, router, chunked
from uconform.errors import HttpError
from uconform.connection import Connection
from uconform.compat import ticks_ms, ticks_diff, errno_of, collect

_EAGAIN = (11, 35, 115, 10035)  # EAGAIN/EWOULDBLOCK/EINPROGRESS on Linux, macOS, lwIP, Windows
POLL_MS = 50
LINGER_MS = 500
CHUNK = 1024
OUT_PIECES = 8  # queued output pieces (<= CHUNK each for echoes) before input waits for the peer


class Server:
    def __init__(self, app, limits, host="0.0.0.0", port=80):
        self.app = app
        self.limits = limits
        self.host = host
        self.port = port
        self.listener = None
        self.poller = select.poll()
        self.conns = {}      # key (socket object or fd) -> Connection
        self.running = False

    def bind(self):
        info = socket.getaddrinfo(self.host, self.port)[0]
        addr = info[-1]
        s = socket.socket(info[0], socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if self.host == "::" and hasattr(socket, "IPV6_V6ONLY"):
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)  # NET6-01: also 127.0.0.1
        s.bind(addr)
        s.listen(8)
        s.setblocking(False)
        self.listener = s
        self.poller.register(s, select.POLLIN)
        try:
            self.port = s.getsockname()[1]
        except (AttributeError, OSError, TypeError):
            pass
        return self.port

    def serve_forever(self):
        self.running = True
        try:
            while self.running:
                try:
                    self.step(POLL_MS)
                except MemoryError:
                    collect()  # the connection that ran out was answered or dropped in step
        finally:
            self.close()

    def step(self, timeout_ms):
        for item in self.poller.poll(timeout_ms):
            key, event = item[0], item[1]  # MicroPython tuples may carry more elements
            if _same(key, self.listener):
                self._accept()
                continue
            conn = self.conns.get(key)
            if conn is None:
                continue
            try:
                if event & select.POLLIN or event & (select.POLLHUP | select.POLLERR):
                    self._readable(conn)
                if conn.sock is not None and event & select.POLLOUT:
                    self._flush(conn)
            except MemoryError:
                self._out_of_memory(conn)
        self._sweep(ticks_ms())

    def _out_of_memory(self, conn):
        """One connection's request ran out of heap: it gets 503 and closes; the others go on."""
        conn.buf = b""
        conn.parts = []
        conn.pending = None
        conn.abort()
        conn.out = []
        collect()
        try:
            conn.queue(response.error(503, "out of memory: try again", [("Retry-After", "1")]), True, False)
            self._flush(conn)
        except MemoryError:
            self._drop(conn)

    def close(self):
        self.running = False
        for conn in list(self.conns.values()):
            self._drop(conn)
        if self.listener is not None:
            try:
                self.poller.unregister(self.listener)
            except (OSError, KeyError, ValueError):
                pass
            self.listener.close()
            self.listener = None

    def active_count(self):
        count = 0
        for conn in self._unique():
            if conn.lingering is None:
                count += 1
        return count

    def _unique(self):
        seen = []
        for conn in list(self.conns.values()):
            if conn not in seen:
                seen.append(conn)
        return seen

    def _accept(self):
        try:
            sock, _ = self.listener.accept()
        except OSError:
            return
        sock.setblocking(False)
        conn = Connection(sock, self.limits, ticks_ms())
        conn.decorate = lambda resp: router.decorate(self.app, resp)
        over_cap = self.active_count() >= self.limits.max_clients
        if over_cap:
            over_cap = not (self._evict_idle() or self._evict_unfinished())
        self._register(conn)
        if over_cap:
            conn.queue(response.error(503, "too many clients"), True, False)
            self._flush(conn)

    def _evict_idle(self):
        """Closes the longest-idle connection to make room (LIM-05: busy clients keep their slot)."""
        idle = [c for c in self._unique() if c.sock is not None and c.evictable()]
        if not idle:
            return False
        oldest = idle[0]
        for c in idle:
            if ticks_diff(oldest.last_activity, c.last_activity) > 0:
                oldest = c
        self._drop(oldest)
        return True

    def _evict_unfinished(self):
        """No idle slot: the connection longest in the middle of sending its request makes room
        (a slow or stalled sender never keeps a new client out; the acceptor never waits)."""
        slow = [c for c in self._unique() if c.sock is not None and c.unfinished()]
        if not slow:
            return False
        oldest = slow[0]
        for c in slow:
            if ticks_diff(oldest.head_started, c.head_started) > 0:
                oldest = c
        self._drop(oldest)
        return True

    def _register(self, conn):
        self.conns[conn.sock] = conn
        try:
            self.conns[conn.sock.fileno()] = conn
        except (AttributeError, OSError):
            pass
        self.poller.register(conn.sock, select.POLLIN)

    def _readable(self, conn):
        try:
            data = conn.sock.recv(CHUNK)
        except OSError as e:
            if errno_of(e) in _EAGAIN:
                return
            self._drop(conn)
            return
        if not data:
            self._drop(conn)
            return
        if conn.lingering is not None or conn.closing:
            return  # discard input of a connection that is closing
        if conn.upgrade is not None:
            conn.upgrade.received(conn, data)
            self._flush(conn)
            return
        conn.feed(data, ticks_ms())
        self._process(conn)
        self._flush(conn)

    def _process(self, conn):
        while not conn.closing and conn.upgrade is None:
            try:
                req = conn.next_request(self.app)
            except HttpError as err:
                conn.fail(err)
                return
            if req is None:
                return
            resp = self.app.handle(req)
            if req.spool is not None:
                req.spool.discard()  # a spooled body the handler did not keep
                req.spool = None
            conn.served += 1
            close = req.wants_close() or conn.served >= self.limits.max_requests_per_connection
            if getattr(resp, "upgrade", None) is not None:
                conn.queue(resp, False, False)
                conn.upgrade = resp.upgrade(self.limits)
                if conn.buf:
                    leftover, conn.buf = conn.buf, b""
                    conn.upgrade.received(conn, leftover)
                return
            conn.queue(resp, close or _closes(resp), req.method == "HEAD")
            conn.head_started = ticks_ms()
            collect()

    def _flush(self, conn):
        while conn.out and conn.sock is not None:
            item = conn.out[0]
            if isinstance(item, tuple):
                stream, left, in_chunks = item
                piece = stream.read(min(CHUNK, left)) if left else b""
                if not piece:
                    _close_stream(stream)
                    conn.out.pop(0)
                    if in_chunks:
                        conn.out.insert(0, chunked.LAST_CHUNK)
                    continue
                conn.out[0] = (stream, left - len(piece), in_chunks)
                item = chunked.encode_chunk(piece) if in_chunks else piece
                conn.out.insert(0, item)
            try:
                sent = conn.sock.send(item)
            except OSError as e:
                if errno_of(e) in _EAGAIN:
                    sent = 0
                else:
                    self._drop(conn)
                    return
            if sent is None:
                sent = 0
            if sent < len(item):
                conn.out[0] = item[sent:]
                # backpressure: a peer that does not read is not read from until its output drains
                busy = len(conn.out) > OUT_PIECES
                self.poller.modify(conn.sock, select.POLLOUT if busy else select.POLLIN | select.POLLOUT)
                return
            conn.out.pop(0)
            conn.last_activity = ticks_ms()
        if conn.sock is None:
            return
        self.poller.modify(conn.sock, select.POLLIN)
        while conn.after:
            conn.after.pop(0)()
        if conn.closing and conn.lingering is None:
            self._linger(conn)

    def _linger(self, conn):
        # Half-close and discard late input, so the peer reads the response before any RST.
        try:
            conn.sock.shutdown(1)
        except (AttributeError, OSError):
            self._drop(conn)
            return
        conn.lingering = ticks_ms()

    def _sweep(self, now):
        for conn in self._unique():
            if conn.sock is None:
                continue
            if conn.lingering is not None:
                if ticks_diff(now, conn.lingering) > LINGER_MS:
                    self._drop(conn)
            elif conn.upgrade is not None:
                if conn.upgrade.expired(conn, now):
                    self._flush(conn)
            elif conn.closing or conn.out:
                if conn.idle_expired(now):
                    self._drop(conn)  # the peer stopped reading
            elif conn.head_expired(now) and not conn.out:
                if conn.buf or conn.pending is not None:
                    what = "request body timeout" if conn.pending is not None else "request header timeout"
                    conn.fail(HttpError(408, what, True))
                    self._flush(conn)
                else:
                    self._drop(conn)
            elif conn.idle() and conn.idle_expired(now):
                self._drop(conn)

    def _drop(self, conn):
        sock = conn.sock
        if sock is None:
            return
        conn.sock = None
        conn.abort()
        for item in conn.out:
            if isinstance(item, tuple):
                _close_stream(item[0])
        conn.out = []
        if conn.upgrade is not None:
            conn.upgrade.closed(conn)
        for key in [k for k in self.conns if self.conns[k] is conn]:
            del self.conns[key]
        try:
            self.poller.unregister(sock)
        except (OSError, KeyError, ValueError):
            pass
        try:
            sock.close()
        except OSError:
            pass


def _closes(resp):
    for name, value in resp.headers:
        if name.lower() == "connection" and value.lower() == "close":
            return True
    return False


def _close_stream(stream):
    try:
        stream.close()
    except Exception:
        pass


def _same(key, sock):
    if key is sock:
        return True
    try:
        return key == sock.fileno()
    except (AttributeError, OSError):
        return False
