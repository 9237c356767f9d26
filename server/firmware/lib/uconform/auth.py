# Basic auth (AUTH group): /api/* and every file write need the configured user and password;
# with credentials configured, so does every change of the device's configuration or lifecycle
# (AUTH-07: PUT /config, POST /system/reset). The board API's pin and LED routes stay open: they are
# the app's function.
import binascii
from uconform.errors import HttpError

REALM = "uconform"
MAX_CREDENTIALS = 256


DEVICE_ROUTES = ("/config", "/system/reset")
READS = ("GET", "HEAD", "OPTIONS")


def guard_for(device):
    def guard(req):
        auth = device.config.get("auth") or {}
        if needs_auth(req, bool(auth.get("user") and auth.get("password"))):
            req.user = check(req, auth)
    return guard


def needs_auth(req, configured=True):
    if req.path.startswith("/api/") or req.path == "/api":
        return True
    if req.path.startswith("/files/") and req.method in ("PUT", "POST", "DELETE", "PATCH"):
        return True
    return configured and req.path in DEVICE_ROUTES and req.method not in READS


def check(req, auth):
    user = auth.get("user") or ""
    password = auth.get("password") or ""
    header = req.header("authorization")
    if not user or not password:
        raise _refuse("authentication is not configured")
    if header is None:
        raise _refuse("credentials required")
    parts = header.split(" ", 1)
    if len(parts) != 2 or parts[0].lower() != "basic" or len(parts[1]) > MAX_CREDENTIALS:
        raise _refuse("Basic credentials required")
    token = parts[1].strip().encode()
    try:
        raw = binascii.a2b_base64(token)
        canonical = binascii.b2a_base64(raw).strip()
        decoded = raw.decode()
    except Exception:  # binascii errors differ between ports (ValueError, binascii.Error, ...)
        raise _refuse("malformed credentials")
    if canonical != token:
        raise _refuse("malformed credentials")  # extra or truncated bytes around valid base64
    colon = decoded.find(":")
    if colon < 0:
        raise _refuse("malformed credentials")
    name = decoded[:colon]
    if device_accounts(name, decoded[colon + 1:], user, password) is not True:
        raise _refuse("wrong credentials")  # only an explicit True grants (AUTH-05)
    return name


LOCKED_USER = "guest"
LOCKED_PASSWORD = "guest"


def device_accounts(name, secret, user, password):
    """The reference device's auth callback: True for the configured user; the built-in locked
    account yields its record (truthy, yet no access); anyone else False."""
    ok_user = equal(name, user)
    ok_pass = equal(secret, password)
    if ok_user and ok_pass:
        return True
    if name == LOCKED_USER and secret == LOCKED_PASSWORD:
        return {"user": LOCKED_USER, "locked": True}
    return False


def equal(a, b):
    """Compares in full and in time independent of where the first difference is (AUTH-03)."""
    a = a.encode()
    b = b.encode()
    diff = len(a) ^ len(b)
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else 0
        y = b[i] if i < len(b) else 0
        diff |= x ^ y
    return diff == 0


def _refuse(message):
    return HttpError(401, message, False, [("WWW-Authenticate", 'Basic realm="' + REALM + '"')])
