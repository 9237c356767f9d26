# A firmware Server on 127.0.0.1 in a background thread, and a tiny raw HTTP client (CPython only).
import json
import socket
import threading
import time
import tempfile
from uconform.server import Server
from uconform.limits import Limits
from uconform import body

body.DIR = tempfile.mkdtemp(prefix="uconform-spool-")

TIMEOUT_S = 3


class Running:
    def __init__(self, app, **limits):
        self.server = Server(app, Limits(limits), "127.0.0.1", 0)
        self.port = self.server.bind()
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.sockets = []

    def connect(self):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=TIMEOUT_S)
        s.settimeout(TIMEOUT_S)
        self.sockets.append(s)
        return s

    def stop(self):
        for s in self.sockets:
            s.close()
        self.server.running = False
        self.thread.join(TIMEOUT_S)


class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower())

    def json(self):
        return json.loads(self.body.decode())


class Reader:
    """Reads Content-Length framed responses off one socket, keeping leftover bytes."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b""

    def _more(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise EOFError("connection closed by the server")
        self.buf += chunk

    def reply(self, head_only=False):
        while b"\r\n\r\n" not in self.buf:
            self._more()
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        lines = head.decode().split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers = {}
        for line in lines[1:]:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
        length = 0 if head_only or status in (100, 204) else int(headers.get("content-length", "0"))
        while len(self.buf) < length:
            self._more()
        body, self.buf = self.buf[:length], self.buf[length:]
        return Reply(status, headers, body)

    def closed(self, within_s=TIMEOUT_S):
        """True when the server closes the connection within the time (data before EOF is ignored)."""
        deadline = time.monotonic() + within_s
        while time.monotonic() < deadline:
            try:
                if not self.sock.recv(65536):
                    return True
            except socket.timeout:
                continue
            except ConnectionResetError:
                return True
        return False


def get(running, target, extra=""):
    s = running.connect()
    try:
        s.sendall(("GET " + target + " HTTP/1.1\r\nHost: t\r\n" + extra + "\r\n").encode())
        return Reader(s).reply()
    finally:
        s.close()
