# Routing and the JSON envelope: CORE, METH-01/04, NOWAIT.
import json
from tests.support import unittest, head, body_bytes
from uconform.router import App
from uconform.errors import HttpError


def body(resp):
    return json.loads(body_bytes(resp).decode())


def call(app, text):
    return app.handle(head(text + "\r\nHost: h\r\n"))


class RouterTest(unittest.TestCase):
    def setUp(self):
        self.app = App("unit")
        self.app.route("/led", lambda req: {"pin": 2, "value": 1}, ("GET",))
        self.app.route("/gpio/{n}", lambda req: req.params["n"], ("GET",))
        self.app.route("/gpio/{n}", lambda req: "put " + req.params["n"], ("PUT",))
        self.app.route("/first", lambda req: "first")
        self.app.route("/first", lambda req: "second")
        self.app.route("/none", lambda req: None, ("GET",))
        self.app.route("/boom", lambda req: 1 // 0, ("GET",))
        self.app.route("/teapot", lambda req: _raise(HttpError(409, "busy")), ("GET",))
        self.app.route("/static/*", lambda req: req.params["*"], ("GET",))

    def test_index_lists_every_route_sorted_with_root(self):
        resp = call(self.app, "GET / HTTP/1.1")
        self.assertEqual(body(resp)["data"]["name"], "unit")
        routes = body(resp)["data"]["routes"]
        self.assertEqual(routes, sorted(routes))
        self.assertIn("/", routes)
        self.assertEqual(len(routes), len(set(routes)))

    def test_app_may_override_root(self):
        self.app.route("/", lambda req: "mine", ("GET",))
        self.assertEqual(body(call(self.app, "GET / HTTP/1.1"))["data"], "mine")

    def test_envelope_and_content_type(self):
        resp = call(self.app, "GET /led HTTP/1.1")
        self.assertEqual((resp.status, resp.content_type), (200, "application/json"))
        self.assertEqual(body(resp), {"data": {"pin": 2, "value": 1}})
        self.assertEqual(body(call(self.app, "GET /none HTTP/1.1")), {"data": None})

    def test_params_first_match_and_wildcard(self):
        self.assertEqual(body(call(self.app, "GET /gpio/13 HTTP/1.1"))["data"], "13")
        self.assertEqual(body(call(self.app, "PUT /gpio/4 HTTP/1.1"))["data"], "put 4")
        self.assertEqual(body(call(self.app, "GET /first HTTP/1.1"))["data"], "first")
        self.assertEqual(body(call(self.app, "GET /static/a/b.txt HTTP/1.1"))["data"], "a/b.txt")

    def test_unknown_path_and_trailing_slash_are_404(self):
        for target in ("/nope", "/led/", "/gpio/", "/gpio/1/2"):
            resp = call(self.app, "GET " + target + " HTTP/1.1")
            self.assertEqual(resp.status, 404, target)
            self.assertIn("error", body(resp))

    def test_wrong_method_is_405_with_allow(self):
        resp = call(self.app, "DELETE /gpio/1 HTTP/1.1")
        self.assertEqual(resp.status, 405)
        allow = dict(resp.headers)["Allow"]
        self.assertIn("GET", allow)
        self.assertIn("PUT", allow)

    def test_options_is_answered_without_the_handler(self):
        calls = []
        self.app.route("/counted", lambda req: calls.append(1), ("POST",))
        resp = call(self.app, "OPTIONS /counted HTTP/1.1")
        self.assertEqual(resp.status, 204)
        self.assertIn("POST", dict(resp.headers)["Allow"])
        self.assertEqual(calls, [])

    def test_handler_errors_become_envelopes(self):
        resp = call(self.app, "GET /boom HTTP/1.1")
        self.assertEqual(resp.status, 500)
        self.assertIn("error", body(resp))
        self.assertEqual(call(self.app, "GET /teapot HTTP/1.1").status, 409)
        self.assertEqual(call(self.app, "GET /led HTTP/1.1").status, 200)

    def test_no_cors_headers_unless_switched_on(self):
        from uconform.router import decorate
        resp = decorate(self.app, call(self.app, "OPTIONS /led HTTP/1.1"))
        self.assertEqual([h for h in resp.headers if h[0].lower().startswith("access-control")], [])
        self.app.cors = True
        self.assertIn(("Access-Control-Allow-Origin", "*"), decorate(self.app, call(self.app, "GET /x HTTP/1.1")).headers)

    def test_head_uses_get_route(self):
        self.assertEqual(call(self.app, "HEAD /led HTTP/1.1").status, 200)

    def test_a_long_list_is_sent_item_by_item_with_its_exact_length(self):
        from uconform import response
        items = [{"pin": n, "mode": "in", "value": n % 2, "pull": "none", "name": "caf\u00e9"} for n in range(20)]
        resp = response.data(items)
        self.assertIsNotNone(resp.stream)
        pieces = []
        while True:
            piece = resp.stream.read(37)  # not a multiple of any item's size
            self.assertTrue(len(piece) <= 37)
            if not piece:
                break
            pieces.append(piece)
        whole = b"".join(pieces)
        self.assertEqual(len(whole), resp.length)
        self.assertEqual(json.loads(whole.decode()), {"data": items})
        self.assertEqual(body(response.data(items[:3])), {"data": items[:3]})  # short: one piece


def _raise(e):
    raise e


if __name__ == "__main__":
    unittest.main()
