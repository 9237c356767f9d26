# The socket loop: ONE non-blocking select.poll loop serving several clients at once.
# Accepting and slots are in slots.py, output, deadlines and dropping in output.py: on a device
# the heap to compile a module grows with its size, so no module of the loop is large.
import socket
import select
from uconform import response, slots, output, lazy
from uconform.errors import HttpError
from uconform.compat import ticks_ms, errno_of, collect

_EAGAIN = output.EAGAIN
POLL_MS = 50
CHUNK = output.CHUNK


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
                    lazy.give_back()  # the connection that ran out was answered or dropped in step
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
            except MemoryError as e:
                self._out_of_memory(conn, e)
        self._sweep(ticks_ms())
    def _out_of_memory(self, conn, error):
        """One connection's request ran out of heap: it gets 503 and closes; the others go on.
        A connection another protocol took over gets no HTTP bytes in its stream (measured: a
        WebSocket peer read "HTTP/1.1 503" as a frame): the session ends it its own way."""
        try:  # a console line as the handlers' (startup._report_error), without a request
            what = str(error)
            error = None  # its traceback holds the frames that allocated: let them go first
            print("UCONFORM ERROR - - MemoryError: out of memory (" + what + ")")
        except MemoryError:
            pass
        session = conn.upgrade
        if session is not None:
            ends = getattr(session, "out_of_memory", None)
            if conn.out or ends is None:  # a frame may be half sent: only closing the socket is clean
                self._drop(conn)
                lazy.give_back()
            else:
                lazy.give_back()
                try:
                    ends(conn)
                    self._flush(conn)
                except MemoryError:
                    self._drop(conn)
            return
        conn.buf = b""
        conn.parts = []
        conn.pending = None
        conn.abort()
        conn.out = []
        lazy.give_back()  # loaded features give their heap back (loaded again on their next use)
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
    def active_count(self):
        return slots.active_count(self)

    def _unique(self):
        return slots.unique(self)

    def _accept(self):
        slots.accept(self)

    def _flush(self, conn):
        output.flush(self, conn)

    def _sweep(self, now):
        output.sweep(self, self._unique(), now)

    def _drop(self, conn):
        output.drop(self, conn)


def _closes(resp):
    for name, value in resp.headers:
        if name.lower() == "connection" and value.lower() == "close":
            return True
    return False


def _same(key, sock):
    if key is sock:
        return True
    try:
        return key == sock.fileno()
    except (AttributeError, OSError):
        return False
