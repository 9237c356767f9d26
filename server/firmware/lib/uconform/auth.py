# Basic auth (AUTH group): /api/* and every file write need the configured user and password.
import binascii
from uconform.errors import HttpError

REALM = "uconform"
MAX_CREDENTIALS = 256


def guard_for(device):
    def guard(req):
        if needs_auth(req):
            req.user = check(req, device.config.get("auth") or {})
    return guard


def needs_auth(req):
    if req.path.startswith("/api/") or req.path == "/api":
        return True
    return req.path.startswith("/files/") and req.method in ("PUT", "POST", "DELETE", "PATCH")


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
    try:
        decoded = binascii.a2b_base64(parts[1].strip().encode()).decode()
    except (ValueError, UnicodeError):  # binascii.Error is a ValueError; MicroPython has no .Error
        raise _refuse("malformed credentials")
    colon = decoded.find(":")
    if colon < 0:
        raise _refuse("malformed credentials")
    ok_user = equal(decoded[:colon], user)
    ok_pass = equal(decoded[colon + 1:], password)
    if not (ok_user and ok_pass):
        raise _refuse("wrong credentials")
    return user


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
