# HOME-01: events posted to the home URL in the background, retried with backoff (CPython only).
import json
import socket
import threading
import time
from tests.support import unittest
from uconform.home import HomeReporter, parse_url


class HomeServer:
    """A loopback HTTP endpoint answering the given statuses in turn and recording bodies."""

    def __init__(self, statuses):
        self.statuses = list(statuses)
        self.bodies = []
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(4)
        self.listener.settimeout(5)
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.statuses:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(1024)
                head, body = data.split(b"\r\n\r\n", 1)
                length = int([l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
                while len(body) < length:
                    body += conn.recv(1024)
                status = self.statuses.pop(0)
                self.bodies.append((status, json.loads(body)))
                conn.sendall(b"HTTP/1.1 %d X\r\nContent-Length: 0\r\n\r\n" % status)
        self.listener.close()


def wait_for(predicate, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


class HomeTest(unittest.TestCase):
    def test_url_parsing(self):
        self.assertEqual(parse_url("http://10.0.0.2:7770/events"), ("10.0.0.2", 7770, "/events"))
        self.assertEqual(parse_url("http://home"), ("home", 80, "/"))
        self.assertRaises(ValueError, parse_url, "https://x/")

    def test_retries_5xx_with_backoff_without_blocking_the_caller(self):
        server = HomeServer([503, 500, 200, 200])
        lines = []
        reporter = HomeReporter("http://127.0.0.1:%d/hook" % server.port, "dev", lines.append, backoff_ms=50)
        start = time.monotonic()
        reporter.post("boot", {"reset_cause": "soft"})
        reporter.post("pin", {"pin": 2, "value": 1})
        self.assertLess(time.monotonic() - start, 0.05)
        self.assertTrue(wait_for(lambda: len(server.bodies) == 4), server.bodies)
        self.assertEqual([s for s, _ in server.bodies], [503, 500, 200, 200])
        self.assertEqual(server.bodies[2][1], {"event": "boot", "device": "dev", "data": {"reset_cause": "soft"}})
        self.assertEqual(server.bodies[3][1]["event"], "pin")
        self.assertEqual(lines, [])

    def test_gives_up_with_one_console_line_when_home_is_down(self):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()  # nothing listens there now: connections are refused
        lines = []
        reporter = HomeReporter("http://127.0.0.1:%d/" % port, "dev", lines.append, attempts=3, backoff_ms=10)
        reporter.post("boot", {})
        self.assertTrue(wait_for(lambda: lines))
        self.assertIn("gave up event=boot after 3 attempts", lines[0])


if __name__ == "__main__":
    unittest.main()
