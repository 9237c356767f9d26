# Large bodies over the poll loop: uploads written to the file as they arrive, echoes sent back
# from a spool file, refused and cut uploads leaving nothing behind (CPython only).
import json
import os
import time
from tests.support import unittest
from tests.loopback import Running, Reader
from tests.test_files import ROOT, rmtree
from uconform.router import App
from uconform.errors import HttpError
from uconform import files_api, diag_api, body


def guard(req):
    if req.method == "PUT" and req.header("authorization") != "Basic ok":
        raise HttpError(401, "credentials required")


class BodiesLoopTest(unittest.TestCase):
    def setUp(self):
        rmtree(ROOT)
        os.mkdir(ROOT)
        app = App("bodies")
        files_api.install(app, ROOT)
        diag_api.install(app)
        app.guards.append(guard)
        self.running = Running(app, max_upload_bytes=400000)

    def tearDown(self):
        self.running.stop()
        rmtree(ROOT)

    def put(self, name, data, auth="ok", chunks=False):
        s = self.running.connect()
        head = "PUT /files/" + name + " HTTP/1.1\r\nHost: t\r\nAuthorization: Basic " + auth + "\r\n"
        if chunks:
            s.sendall((head + "Transfer-Encoding: chunked\r\n\r\n").encode())
            for i in range(0, len(data), 5000):
                piece = data[i:i + 5000]
                s.sendall(("%x\r\n" % len(piece)).encode() + piece + b"\r\n")
            s.sendall(b"0\r\n\r\n")
        else:
            s.sendall((head + "Content-Length: %d\r\n\r\n" % len(data)).encode() + data)
        return Reader(s).reply()

    def test_large_uploads_arrive_whole_in_both_framings(self):
        data = os.urandom(300000)
        for chunks in (False, True):
            reply = self.put("big.bin", data, chunks=chunks)
            self.assertEqual((reply.status, reply.json()["data"]["size"]), (201, len(data)))
            with open(ROOT + "/big.bin", "rb") as f:
                self.assertEqual(f.read(), data)
        self.assertEqual(sorted(os.listdir(ROOT)), ["big.bin"])
        self.assertEqual(os.listdir(body.DIR), [])

    def test_refused_over_limit_and_cut_uploads_leave_nothing(self):
        self.assertEqual(self.put("a.bin", b"x" * 50000, auth="bad").status, 401)
        s = self.running.connect()
        s.sendall(b"PUT /files/b.bin HTTP/1.1\r\nHost: t\r\nAuthorization: Basic ok\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n" + (b"ffff\r\n" + b"y" * 65535 + b"\r\n") * 7)
        self.assertEqual(Reader(s).reply().status, 413)
        s = self.running.connect()
        s.sendall(b"PUT /files/c.bin HTTP/1.1\r\nHost: t\r\nAuthorization: Basic ok\r\n"
                  b"Content-Length: 90000\r\n\r\n" + b"z" * 40000)
        s.close()  # the client leaves mid-body
        self.assertEqual(self.put("d.txt", b"small").status, 201)  # served after the cut: the loop went on
        deadline = time.monotonic() + 3
        while "c.bin.part" in os.listdir(ROOT) and time.monotonic() < deadline:
            time.sleep(0.02)  # the loop sees the cut connection's EOF in its own time
        self.assertEqual(sorted(os.listdir(ROOT)), ["d.txt"])

    def test_large_echo_comes_back_equal_and_invalid_json_is_400(self):
        doc = {"blob": "\u00e9" * 10000 + "x" * 30000, "list": list(range(500))}
        text = json.dumps(doc, ensure_ascii=False).encode()
        s = self.running.connect()
        s.sendall(b"POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: %d\r\n\r\n" % len(text) + text)
        reply = Reader(s).reply()
        self.assertEqual((reply.status, reply.json()), (200, {"data": doc}))
        bad = text[:-1] + b","
        s.sendall(b"POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: %d\r\n\r\n" % len(bad) + bad)
        self.assertEqual(Reader(s).reply().status, 400)
        self.assertEqual(os.listdir(body.DIR), [])


if __name__ == "__main__":
    unittest.main()
