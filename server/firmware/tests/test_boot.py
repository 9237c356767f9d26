# Boot, app loader and recovery: the firmware run as a process, as on a device (CPython only).
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from tests.support import unittest

FIRMWARE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
READY = re.compile(r"UCONFORM READY url=(\S+) mode=(\w+)")
FAKE_NETWORK = '''
STA_IF = 0
AP_IF = 1
class WLAN:
    def __init__(self, i=0): self.i = i; self.up = False
    def active(self, a=None): return self.up if a is None else setattr(self, "up", a)
    def connect(self, ssid, key): print("fake network saw a connect attempt")
    def isconnected(self): return False
    def ifconfig(self): return ("127.0.0.1", "255.0.0.0", "127.0.0.1", "127.0.0.1")
    def config(self, **kw): pass
'''


class Booted:
    def __init__(self, config_text, extra_modules=None, apps=None):
        self.dir = tempfile.mkdtemp(prefix="ucfw-")
        for name in ("main.py", "boot.py", "lib", "apps", "www"):
            src = os.path.join(FIRMWARE, name)
            dst = os.path.join(self.dir, name)
            (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, dst)
        for name in apps or {}:
            with open(os.path.join(self.dir, "apps", name + ".py"), "w") as f:
                f.write(apps[name])
        with open(os.path.join(self.dir, "config.json"), "w") as f:
            f.write(config_text)
        env = dict(os.environ)
        if extra_modules:
            mods = os.path.join(self.dir, "_mods")
            os.mkdir(mods)
            for name in extra_modules:
                with open(os.path.join(mods, name + ".py"), "w") as f:
                    f.write(extra_modules[name])
            env["PYTHONPATH"] = mods
        self.proc = subprocess.Popen([sys.executable, "-u", "main.py"], cwd=self.dir, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.lines = []

    def await_ready(self, timeout_s=10):
        import time
        deadline = time.monotonic() + timeout_s
        buf = b""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.2)
            if not ready:
                continue
            chunk = os.read(self.proc.stdout.fileno(), 4096)
            if not chunk:
                break
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                self.lines.append(line.decode())
                m = READY.search(self.lines[-1])
                if m:
                    return m.group(1), m.group(2)
        raise AssertionError("no READY line; console: " + " | ".join(self.lines[-10:]))

    def stop(self):
        self.proc.kill()
        self.proc.wait(5)
        self.proc.stdout.close()
        shutil.rmtree(self.dir, True)


def config_text(**changes):
    cfg = {"device": {"name": "boot-test", "board": "esp32-devkitc"}, "app": "reference",
           "server": {"host": "127.0.0.1", "port": 0}}
    cfg.update(changes)
    return json.dumps(cfg)


def fetch(url):
    with urllib.request.urlopen(url, timeout=3) as r:
        return json.loads(r.read().decode())


class BootTest(unittest.TestCase):
    def run_firmware(self, text, modules=None, apps=None):
        booted = Booted(text, modules, apps)
        self.addCleanup(booted.stop)
        url, mode = booted.await_ready()
        return booted, url, mode

    def test_invalid_json_config_boots_recovery_that_serves_system(self):
        booted, url, mode = self.run_firmware("{not json")
        self.assertEqual(mode, "recovery")
        self.assertTrue(any("UCONFORM RECOVERY reason=config:" in l and "not valid JSON" in l
                            for l in booted.lines), booted.lines)
        system = fetch(url + "system")["data"]
        self.assertIn("uptime_ms", system)
        self.assertTrue(system["free_heap"] > 0, system)

    def test_unknown_app_is_named_in_one_recovery_line(self):
        booted, url, mode = self.run_firmware(config_text(app="nosuchapp"))
        recovery = [l for l in booted.lines if l.startswith("UCONFORM RECOVERY")]
        self.assertEqual(len(recovery), 1)
        self.assertIn("nosuchapp", recovery[0])
        self.assertIn("(recovery)", fetch(url)["data"]["name"])

    def test_app_that_crashes_the_loop_is_replaced_by_recovery_on_the_same_port(self):
        crasher = ("from uconform import response\n"
                   "def setup(app, device, root):\n"
                   "    def crash(req):\n"
                   "        r = response.data('bye')\n"
                   "        r.after = lambda: 1 // 0\n"
                   "        return r\n"
                   "    app.route('/crash', crash, ('GET',))\n")
        booted, url, mode = self.run_firmware(config_text(app="crasher"), apps={"crasher": crasher})
        self.assertEqual(mode, "app")
        self.assertEqual(fetch(url + "crash"), {"data": "bye"})
        url2, mode2 = booted.await_ready()
        self.assertEqual((url2, mode2), (url, "recovery"))
        self.assertTrue(any("UCONFORM RECOVERY reason=crash: ZeroDivisionError" in l for l in booted.lines))
        self.assertIn("uptime_ms", fetch(url + "system")["data"])

    def test_wrong_wifi_credentials_fall_back_to_the_ap_and_never_print_the_password(self):
        text = config_text(sta={"ssid": "lab", "password": "hunter2-secret", "join_timeout_ms": 300})
        booted = Booted(text, {"network": FAKE_NETWORK})
        self.addCleanup(booted.stop)
        url, mode = booted.await_ready()
        self.assertTrue(any("UCONFORM NET fallback=ap" in l and "could not join 'lab'" in l
                            for l in booted.lines), booted.lines)
        self.assertTrue(any("mode=ap" in l for l in booted.lines))
        self.assertNotIn("hunter2-secret", "\n".join(booted.lines))
        self.assertNotIn("hunter2-secret", json.dumps(fetch(url + "config")))


if __name__ == "__main__":
    unittest.main()
