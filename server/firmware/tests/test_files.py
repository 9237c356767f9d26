# /files/: serving, listings, traversal refusal, uploads and deletes (FILE, UP, AUTH-06).
import json
import os
from tests.support import unittest, head
from uconform import files_api, auth, config
from uconform.device import Device
from uconform.router import App

ROOT = "files_test_root"
GOOD = "Authorization: Basic YWRtaW46cHc=\r\n"  # admin:pw


def call(app, line, body=None, extra=""):
    req = head(line + "\r\nHost: h\r\n" + extra)
    if body is not None:
        req.body = body
    return app.handle(req)


def rmtree(path):
    try:
        names = os.listdir(path)
    except OSError:
        return
    for name in names:
        full = path + "/" + name
        if os.stat(full)[0] & 0x4000:
            rmtree(full)
        else:
            os.remove(full)
    os.rmdir(path)


class FilesTest(unittest.TestCase):
    def setUp(self):
        rmtree(ROOT)
        os.mkdir(ROOT)
        with open(ROOT + "/index.html", "w") as f:
            f.write("<h1>hi</h1>")
        cfg = config.defaults()
        cfg["auth"] = {"user": "admin", "password": "pw"}
        self.app = App("files")
        files_api.install(self.app, ROOT)
        self.app.guards.append(auth.guard_for(Device(cfg, "unused.json")))

    def tearDown(self):
        rmtree(ROOT)

    def read(self, resp):
        out = b""
        while True:
            piece = resp.stream.read(7)
            if not piece:
                resp.stream.close()
                return out
            out += piece

    def test_serves_files_in_chunks_with_content_type(self):
        resp = call(self.app, "GET /files/index.html HTTP/1.1")
        self.assertEqual((resp.status, resp.content_type, resp.length), (200, "text/html", 11))
        self.assertEqual(self.read(resp), b"<h1>hi</h1>")
        self.assertEqual(call(self.app, "GET /files/missing.txt HTTP/1.1").status, 404)

    def test_listing_of_a_directory(self):
        body = json.loads(call(self.app, "GET /files/ HTTP/1.1").body)
        self.assertEqual(body["data"], {"path": "/", "list": [{"path": "/index.html", "type": "file", "size": 11}]})

    def test_traversal_never_leaves_the_root(self):
        for target in ("/files/%2e%2e/config.json", "/files/../x", "/files//etc/passwd",
                       "/files/a%5c..%5cb", "/files/./index.html"):
            self.assertIn(call(self.app, "GET " + target + " HTTP/1.1").status, (400, 404), target)

    def test_upload_get_delete_and_directories(self):
        self.assertEqual(call(self.app, "PUT /files/d/a.bin HTTP/1.1", b"\x00\x01data", GOOD).status, 201)
        resp = call(self.app, "GET /files/d/a.bin HTTP/1.1")
        self.assertEqual(self.read(resp), b"\x00\x01data")
        self.assertEqual(call(self.app, "PUT /files/newdir/ HTTP/1.1", b"", GOOD).status, 201)
        self.assertTrue(os.stat(ROOT + "/newdir")[0] & 0x4000)
        self.assertEqual(call(self.app, "DELETE /files/d/a.bin HTTP/1.1", None, GOOD).status, 200)
        self.assertEqual(call(self.app, "GET /files/d/a.bin HTTP/1.1").status, 404)

    def test_writes_need_credentials_reads_do_not(self):
        self.assertEqual(call(self.app, "PUT /files/x.txt HTTP/1.1", b"x").status, 401)
        self.assertEqual(call(self.app, "DELETE /files/index.html HTTP/1.1").status, 401)
        resp = call(self.app, "GET /files/index.html HTTP/1.1")
        self.assertEqual(resp.status, 200)
        resp.stream.close()


if __name__ == "__main__":
    unittest.main()
