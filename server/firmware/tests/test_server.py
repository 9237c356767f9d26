# The poll loop over loopback sockets: KA, LIM, ERR-05, PROTO-06/07, ROB (CPython only).
import socket
import sys
from tests.support import unittest
from tests.loopback import Running, Reader, get
from uconform.router import App
from uconform import response

# Bounded waits for what the loop does next: long enough for a loaded CI runner (a 3 s bound
# failed once in ten runs at a load average of 30), and only ever reached when something is wrong.
WAIT_S = 10


def make_app():
    app = App("loop")
    app.route("/led", lambda req: {"pin": 2, "value": 0}, ("GET",))
    app.route("/echo", lambda req: req.json(), ("POST",))
    app.route("/big", lambda req: response.Response(200, b"x" * 300000, "text/plain"), ("GET",))
    app.route("/huge", lambda req: response.Response(200, b"x" * 8000000, "text/plain"), ("GET",))
    return app


class KeepAliveTest(unittest.TestCase):
    def setUp(self):
        self.running = Running(make_app(), max_requests_per_connection=3, keep_alive_idle_ms=400,
                               header_timeout_ms=400, max_clients=2)

    def tearDown(self):
        self.running.stop()

    def test_two_requests_on_one_connection(self):
        s = self.running.connect()
        r = Reader(s)
        for _ in range(2):
            s.sendall(b"GET /led HTTP/1.1\r\nHost: t\r\n\r\n")
            self.assertEqual(r.reply().json(), {"data": {"pin": 2, "value": 0}})
        s.close()

    def test_connection_close_and_max_requests(self):
        s = self.running.connect()
        r = Reader(s)
        s.sendall(b"GET /led HTTP/1.1\r\nHost: t\r\n\r\n" * 3)
        replies = [r.reply() for _ in range(3)]
        self.assertEqual([x.header("connection") for x in replies], ["keep-alive", "keep-alive", "close"])
        self.assertTrue(r.closed())
        s = self.running.connect()
        s.sendall(b"GET /led HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        r = Reader(s)
        self.assertEqual(r.reply().header("connection"), "close")
        self.assertTrue(r.closed())

    def test_pipelined_requests_answered_in_order(self):
        s = self.running.connect()
        s.sendall(b"GET /nope HTTP/1.1\r\nHost: t\r\n\r\nPOST /echo HTTP/1.1\r\nHost: t\r\n"
                  b"Content-Length: 5\r\n\r\n[1,2]GET /led HTTP/1.1\r\nHost: t\r\n\r\n")
        r = Reader(s)
        self.assertEqual([r.reply().status for _ in range(3)], [404, 200, 200])
        s.close()

    def test_idle_connection_is_closed(self):
        s = self.running.connect()
        s.sendall(b"GET /led HTTP/1.1\r\nHost: t\r\n\r\n")
        r = Reader(s)
        r.reply()
        self.assertTrue(r.closed(2))

    def test_slow_head_gets_408_without_blocking_others(self):
        slow = self.running.connect()
        slow.sendall(b"GET /led HTTP/1.1\r\nHo")
        self.assertEqual(get(self.running, "/led").status, 200)
        r = Reader(slow)
        self.assertEqual(r.reply().status, 408)
        self.assertTrue(r.closed())

    def test_the_oldest_unfinished_request_makes_room_for_a_new_client(self):
        a = self.running.connect()
        a.sendall(b"GET /led HTTP/1.1\r\nHo")  # mid-request
        self.assertTrue(_server_holds_partial_heads(self.running, 1))
        b = self.running.connect()
        b.sendall(b"GET /led HTTP/1.1\r\nHo")
        self.assertTrue(_server_holds_partial_heads(self.running, 2))
        c = self.running.connect()
        c.sendall(b"GET /led HTTP/1.1\r\nHost: t\r\n\r\n")
        self.assertEqual(Reader(c).reply().status, 200)  # the acceptor never waits for slow senders
        self.assertTrue(Reader(a).closed())  # the oldest unfinished one was dropped
        b.sendall(b"st: t\r\n\r\n")
        self.assertEqual(Reader(b).reply().status, 200)

    def test_extra_client_gets_503_while_others_are_busy_and_server_recovers(self):
        a, b = _small_window(self.running), _small_window(self.running)
        for s in (a, b):  # responses the clients do not read: busy, neither idle nor unfinished
            s.sendall(b"GET /huge HTTP/1.1\r\nHost: t\r\n\r\n")
        self.assertTrue(_server_holds_output(self.running, 2))
        c = self.running.connect()
        c.sendall(b"GET /led HTTP/1.1\r\nHost: t\r\n\r\n")
        self.assertEqual(Reader(c).reply().status, 503)
        a.close()
        b.close()
        self.assertEqual(_eventually_200(self.running), 200)

    def test_idle_connection_is_evicted_for_a_new_client(self):
        a = self.running.connect()
        a.sendall(b"GET /led HTTP/1.1\r\nHost: t\r\n\r\n")
        ra = Reader(a)
        ra.reply()
        b = self.running.connect()
        b.sendall(b"GET /led HTTP/1.1\r\nHo")  # busy
        self.assertTrue(_server_holds_partial_heads(self.running, 1))
        c = self.running.connect()
        c.sendall(b"GET /led HTTP/1.1\r\nHost: t\r\n\r\n")
        self.assertEqual(Reader(c).reply().status, 200)
        self.assertTrue(ra.closed())


def _server_holds_partial_heads(running, count):
    """Waits (bounded) until the server has read `count` unfinished heads (white-box, test only)."""
    import time
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if sum(1 for c in running.server._unique() if c.buf) >= count:
            return True
        time.sleep(0.01)
    return False


def _small_window(running):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.settimeout(3)
    s.connect(("127.0.0.1", running.port))
    running.sockets.append(s)
    return s


def _server_holds_output(running, count):
    import time
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if sum(1 for c in running.server._unique() if c.out) >= count:
            return True
        time.sleep(0.01)
    return False


def _eventually_200(running, want=200):
    """Asks until the server answers `want` (it has to see the closed clients first), bounded."""
    import time
    status = None
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        s = running.connect()
        try:
            s.sendall(b"GET /led HTTP/1.1\r\nHost: t\r\n\r\n")
            status = Reader(s).reply().status
        finally:
            s.close()
        if status == want:
            return status
        time.sleep(0.05)
    return status


class SilentClientTest(unittest.TestCase):
    def setUp(self):
        self.running = Running(make_app(), header_timeout_ms=300, keep_alive_idle_ms=3000)

    def tearDown(self):
        self.running.stop()

    def test_silent_new_connection_gets_the_idle_timeout_not_the_header_timeout(self):
        import time
        s = self.running.connect()
        time.sleep(0.6)  # silence past the header timeout: the header clock starts at the first byte
        s.sendall(b"GET /led HTTP/1.1\r\nHost: t\r\n\r\n")
        self.assertEqual(Reader(s).reply().status, 200)


class DualStackTest(unittest.TestCase):
    def test_bound_to_any_ipv6_answers_on_both_loopbacks(self):
        from uconform.server import Server
        from uconform.limits import Limits
        import threading
        if not socket.has_ipv6:
            self.skipTest("no IPv6 in this interpreter")
        server = Server(make_app(), Limits(), "::", 0)
        try:
            port = server.bind()
        except OSError as e:
            self.skipTest("cannot bind :: here: " + str(e))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            for host in ("::1", "127.0.0.1"):
                try:
                    s = socket.create_connection((host, port), timeout=3)
                except OSError as e:
                    self.skipTest(host + " unreachable here: " + str(e))
                with s:
                    s.sendall(b"GET /led HTTP/1.1\r\nHost: t\r\n\r\n")
                    self.assertEqual(Reader(s).reply().status, 200, host)
        finally:
            server.running = False
            thread.join(3)


class LimitsTest(unittest.TestCase):
    def setUp(self):
        self.running = Running(make_app(), max_body_bytes=1000)

    def tearDown(self):
        self.running.stop()

    def test_body_over_limit_is_413_then_close(self):
        s = self.running.connect()
        s.sendall(b"POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n" + b"G" * 5000)
        r = Reader(s)
        self.assertEqual(r.reply().status, 413)
        self.assertTrue(r.closed())

    def test_expect_continue_only_when_body_will_be_read(self):
        s = self.running.connect()
        s.sendall(b"POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n")
        r = Reader(s)
        self.assertEqual(r.reply().status, 100)
        s.sendall(b"{}")
        self.assertEqual(r.reply().json(), {"data": {}})
        s.close()
        s = self.running.connect()
        s.sendall(b"POST /nope HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n")
        self.assertEqual(Reader(s).reply().status, 404)
        s.close()

    def test_head_has_get_headers_and_no_body(self):
        s = self.running.connect()
        s.sendall(b"HEAD /led HTTP/1.1\r\nHost: t\r\n\r\nGET /led HTTP/1.1\r\nHost: t\r\n\r\n")
        r = Reader(s)
        head = r.reply(head_only=True)
        full = r.reply()
        self.assertEqual(head.header("content-length"), full.header("content-length"))
        self.assertEqual(full.json()["data"]["pin"], 2)
        s.close()

    def test_large_response_arrives_complete(self):
        reply = get(self.running, "/big")
        self.assertEqual(len(reply.body), 300000)

    def test_one_byte_segments_and_resets_do_not_disturb(self):
        rude = self.running.connect()
        rude.sendall(b"POST /echo HTTP/1.1\r\nHost: t\r\nContent-Le")
        rude.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        rude.close()
        s = self.running.connect()
        for byte in b"GET /led?x=1 HTTP/1.1\r\nHost: t\r\n\r\n":
            s.sendall(bytes([byte]))
        self.assertEqual(Reader(s).reply().status, 200)
        s.close()

    def test_malformed_request_is_400_then_close_and_server_lives(self):
        s = self.running.connect()
        s.sendall(b"\x16\x03\x01garbage\r\n\r\n")
        r = Reader(s)
        reply = r.reply()
        self.assertEqual((reply.status, reply.header("content-type")), (400, "application/json"))
        self.assertTrue(r.closed())
        self.assertEqual(get(self.running, "/").status, 200)


if __name__ == "__main__":
    unittest.main()


class DeadlineTest(unittest.TestCase):
    """Whole-request deadlines: trickling bytes does not extend them."""

    def setUp(self):
        self.running = Running(make_app(), header_timeout_ms=400, body_timeout_ms=500, keep_alive_idle_ms=5000)

    def tearDown(self):
        self.running.stop()

    def trickle(self, s, data, every_s=0.1):
        import time
        start = time.monotonic()
        for i in range(len(data)):
            try:
                s.sendall(data[i:i + 1])
            except OSError:
                break  # the server closed: the deadline passed
            time.sleep(every_s)
            if time.monotonic() - start > 2:
                break
        return time.monotonic() - start

    def test_a_head_trickled_past_the_header_timeout_gets_408(self):
        s = self.running.connect()
        spent = self.trickle(s, b"GET /led HTTP/1.1\r\nHost: t\r\nX-Slow: " + b"a" * 40 + b"\r\n\r\n")
        self.assertEqual(Reader(s).reply().status, 408)
        self.assertLess(spent, 1.5)

    def test_a_body_trickled_past_the_body_timeout_gets_408(self):
        s = self.running.connect()
        s.sendall(b"POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 40\r\n\r\n")
        spent = self.trickle(s, b"[" + b"1," * 19 + b"1]")
        reply = Reader(s).reply()
        self.assertEqual((reply.status, reply.json()["error"]), (408, "request body timeout"))
        self.assertLess(spent, 1.5)
