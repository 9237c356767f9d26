# The reference board API (GPIO, SYS, NOWAIT blink, config masking) on a fake machine.
import json
import os
from tests.support import unittest, head, body_bytes
from tests.fakemachine import FakeMachine
from uconform import boards, config, board_api, system_api, diag_api, auth
from uconform.compat import ticks_ms, ticks_diff, sleep_ms
from uconform.device import Device
from uconform.pins import PinBank
from uconform.router import App

CONFIG_PATH = "board_api_test_config.json"


def call(app, line, body=None, extra=""):
    req = head(line + "\r\nHost: h\r\n" + extra)
    if body is not None:
        req.body = body.encode()
    resp = app.handle(req)
    body = body_bytes(resp)
    return resp.status, json.loads(body.decode()) if body else None


GOOD = "Authorization: Basic YWRtaW46cHc=\r\n"  # admin:pw


class BoardApiTest(unittest.TestCase):
    def setUp(self):
        self.machine = FakeMachine()
        layout = boards.layout("esp32-devkitc")
        cfg = config.defaults()
        cfg["sta"]["password"] = "wifi-pass-1"
        cfg["auth"] = {"user": "admin", "password": "pw"}
        self.device = Device(cfg, CONFIG_PATH, self.machine, PinBank(self.machine, layout), layout)
        self.app = App("board")
        board_api.install(self.app, self.device)
        system_api.install(self.app, self.device)
        diag_api.install(self.app)
        self.app.guards.append(auth.guard_for(self.device))

    def tearDown(self):
        try:
            os.remove(CONFIG_PATH)
        except OSError:
            pass

    def test_led_routes_drive_the_pin(self):
        self.assertEqual(call(self.app, "GET /led/on HTTP/1.1"), (200, {"data": {"pin": 2, "value": 1}}))
        self.assertEqual(self.machine.levels[2], 1)
        self.assertEqual(call(self.app, "GET /led/toggle HTTP/1.1")[1]["data"]["value"], 0)
        self.assertEqual(self.machine.levels[2], 0)

    def test_gpio_rules(self):
        self.assertEqual(len(call(self.app, "GET /gpio HTTP/1.1")[1]["data"]), 34)
        self.assertEqual(call(self.app, "GET /gpio/20 HTTP/1.1")[0], 404)
        self.assertEqual(call(self.app, "GET /gpio/99 HTTP/1.1")[0], 404)
        status, body = call(self.app, "PUT /gpio/4 HTTP/1.1", '{"mode":"out","value":1}')
        self.assertEqual((status, body["data"]["mode"], self.machine.levels[4]), (200, "out", 1))
        self.assertEqual(call(self.app, "PUT /gpio/4 HTTP/1.1", '{"mode":"fly"}')[0], 400)
        self.assertEqual(call(self.app, "PUT /gpio/4 HTTP/1.1", 'nope')[0], 400)
        self.assertEqual(call(self.app, "PUT /gpio/35 HTTP/1.1", '{"mode":"out","value":1}')[0], 409)

    def test_adc_and_pwm(self):
        self.assertEqual(call(self.app, "GET /adc/34 HTTP/1.1")[1]["data"], {"raw": 2048, "mv": 1650})
        self.assertEqual(call(self.app, "GET /adc/2 HTTP/1.1")[0], 409)
        status, body = call(self.app, "PUT /pwm/5 HTTP/1.1", '{"freq":1000,"duty":512}')
        self.assertEqual((status, body["data"]["duty"]), (200, 512))
        self.assertEqual(call(self.app, "PUT /pwm/5 HTTP/1.1", '{"freq":1000,"duty":5000}')[0], 400)

    def test_blink_answers_first_and_toggles_later(self):
        try:
            import _thread
        except ImportError:
            self.skipTest("no _thread in this interpreter (the WebAssembly VM)")
        writes = []
        self.device.bank.listeners.append(lambda pin, value: writes.append(value))
        self.assertEqual(call(self.app, "POST /blink HTTP/1.1", '{"times":2,"interval_ms":20}'),
                         (200, {"data": None}))
        start = ticks_ms()
        while len(writes) < 4 and ticks_diff(ticks_ms(), start) < 3000:
            sleep_ms(10)
        self.assertEqual(len(writes), 4)
        self.assertEqual(call(self.app, "POST /blink HTTP/1.1", '{"times":-1}')[0], 400)

    def test_system_and_config_never_leak_secrets(self):
        data = call(self.app, "GET /system HTTP/1.1")[1]["data"]
        self.assertEqual((data["board"], data["reset_cause"], data["firmware"]),
                         ("esp32-devkitc", "power_on", self.device.version))
        text = json.dumps(call(self.app, "GET /config HTTP/1.1")[1])
        self.assertNotIn("wifi-pass-1", text)
        status, body = call(self.app, "PUT /config HTTP/1.1", '{"device":{"name":"renamed"},"sta":{"password":"****"}}',
                            GOOD)
        self.assertEqual((status, body["data"]["device"]["name"]), (200, "renamed"))
        self.assertEqual(config.load(CONFIG_PATH)["sta"]["password"], "wifi-pass-1")

    def test_reset_answers_then_resets(self):
        resp = self.app.handle(head("POST /system/reset HTTP/1.1\r\nHost: h\r\n" + GOOD))
        self.assertEqual((resp.status, self.machine.resets), (200, 0))
        resp.after()
        self.assertEqual(self.machine.resets, 1)

    def test_config_and_reset_need_credentials_when_configured_and_nothing_changes_without(self):
        before = json.dumps(call(self.app, "GET /config HTTP/1.1")[1])
        for extra in ("", "Authorization: Basic YWRtaW46cHd4\r\n", "Authorization: Bearer pw\r\n"):
            status = call(self.app, "PUT /config HTTP/1.1", '{"device":{"name":"taken"}}', extra)[0]
            self.assertEqual(status, 401, extra)
            resp = self.app.handle(head("POST /system/reset HTTP/1.1\r\nHost: h\r\n" + extra))
            self.assertEqual(resp.status, 401, extra)
            self.assertIn(("WWW-Authenticate", 'Basic realm="uconform"'), resp.headers)
        self.assertEqual((json.dumps(call(self.app, "GET /config HTTP/1.1")[1]), self.machine.resets), (before, 0))
        self.assertEqual(call(self.app, "GET /led/on HTTP/1.1")[0], 200)  # the app's function stays open
        self.device.config["auth"] = {"user": "", "password": ""}  # none configured: a fresh device is set up openly
        self.assertEqual(call(self.app, "PUT /config HTTP/1.1", '{"device":{"name":"open"}}')[0], 200)

    def test_api_needs_basic_auth(self):
        self.assertEqual(call(self.app, "GET /api/whoami HTTP/1.1")[0], 401)
        good = "Authorization: Basic YWRtaW46cHc=\r\n"  # admin:pw
        self.assertEqual(call(self.app, "GET /api/whoami HTTP/1.1", None, good), (200, {"data": {"user": "admin"}}))
        self.assertEqual(call(self.app, "GET /api/whoami HTTP/1.1", None, "Authorization: bAsIc YWRtaW46cHc=\r\n")[0], 200)
        for bad in ("Basic YWRtaW46cHd4", "Basic !!!", "Bearer pw", "Basic YWRtaW46", "Basic Z3Vlc3Q6Z3Vlc3Q="):
            self.assertEqual(call(self.app, "GET /api/whoami HTTP/1.1", None, "Authorization: " + bad + "\r\n")[0], 401, bad)

    def test_raise_and_echo(self):
        self.assertEqual(call(self.app, "GET /raise HTTP/1.1")[0], 500)
        for falsy in ("{}", "[]", "0", "false", "null", '""'):
            self.assertEqual(call(self.app, "POST /echo HTTP/1.1", falsy), (200, {"data": json.loads(falsy)}))
        self.assertEqual(call(self.app, "POST /echo HTTP/1.1", "{bad")[0], 400)


if __name__ == "__main__":
    unittest.main()
