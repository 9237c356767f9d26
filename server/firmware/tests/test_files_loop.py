# Files over the poll loop: the web root's page, chunked responses, HEAD (CPython only).
from tests.support import unittest
from tests.loopback import Running, Reader
from tests.test_files import ROOT, rmtree
from uconform.router import App
from uconform import files_api
import os


class FilesLoopTest(unittest.TestCase):
    def setUp(self):
        rmtree(ROOT)
        os.mkdir(ROOT)
        with open(ROOT + "/index.html", "wb") as f:
            f.write(b"<p>" + b"x" * 3000 + b"</p>")
        app = App("files")
        files_api.install(app, ROOT)
        self.running = Running(app)

    def tearDown(self):
        self.running.stop()
        rmtree(ROOT)

    def test_web_root_page_plain_chunked_and_head(self):
        s = self.running.connect()
        s.sendall(b"GET /files HTTP/1.1\r\nHost: t\r\n\r\n"
                  b"HEAD /files/index.html HTTP/1.1\r\nHost: t\r\n\r\n"
                  b"GET /files/index.html?chunked=1 HTTP/1.1\r\nHost: t\r\n\r\n")
        r = Reader(s)
        page = r.reply()
        self.assertEqual((page.status, page.header("content-type"), len(page.body)), (200, "text/html", 3007))
        head = r.reply(head_only=True)
        self.assertEqual(head.header("content-length"), "3007")
        chunked = r.reply(head_only=True)
        self.assertEqual((chunked.header("transfer-encoding"), chunked.header("content-length")), ("chunked", None))
        body = b""
        while True:
            while b"\r\n" not in r.buf:
                r._more()
            size_line, r.buf = r.buf.split(b"\r\n", 1)
            size = int(size_line, 16)
            while len(r.buf) < size + 2:
                r._more()
            body, r.buf = body + r.buf[:size], r.buf[size + 2:]
            if size == 0:
                break
        self.assertEqual(body, page.body)


if __name__ == "__main__":
    unittest.main()
