# Stand-in `network` for host runs: WLAN STA/AP; connect() succeeds only with the virtual AP's
# credentials (checked by the virtual board); addresses are loopback.
import _uconform_bridge as _bridge

STA_IF = 0
AP_IF = 1
STAT_IDLE = 1000
STAT_CONNECTING = 1001
STAT_WRONG_PASSWORD = 202
STAT_NO_AP_FOUND = 201
STAT_GOT_IP = 1010
AUTH_OPEN = 0
AUTH_WPA2_PSK = 3

_LOOPBACK = ("127.0.0.1", "255.0.0.0", "127.0.0.1", "127.0.0.1")


class WLAN:
    def __init__(self, interface_id=STA_IF):
        self.interface = interface_id
        self._active = False
        self._status = STAT_IDLE
        self._config = {"essid": "", "authmode": AUTH_OPEN, "hidden": False}

    def active(self, is_active=None):
        if is_active is None:
            return self._active
        self._active = bool(is_active)
        if not self._active:
            self._status = STAT_IDLE

    def connect(self, ssid=None, key=None):
        if self.interface != STA_IF:
            raise OSError("only a station interface can connect")
        if not self._active:
            raise OSError("Wifi Not Started")
        result = _bridge.call("wlan.connect", ssid=ssid or "", key=key or "")
        self._status = {"ok": STAT_GOT_IP, "wrong_password": STAT_WRONG_PASSWORD}.get(
            result, STAT_NO_AP_FOUND)
        self._config["essid"] = ssid or ""

    def disconnect(self):
        self._status = STAT_IDLE

    def isconnected(self):
        if self.interface == AP_IF:
            return self._active
        return self._active and self._status == STAT_GOT_IP

    def status(self, param=None):
        return self._status

    def ifconfig(self, config=None):
        return _LOOPBACK

    def config(self, *args, **kwargs):
        if args:
            return self._config.get(args[0])
        for key in kwargs:
            if key not in ("password", "key"):
                self._config[key] = kwargs[key]

    def scan(self):
        return [(ssid.encode(), b"\x00" * 6, 1, -40, AUTH_WPA2_PSK, False)
                for ssid in _bridge.call("wlan.scan")]
