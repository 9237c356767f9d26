# WebSocket (RFC 6455), transport-free: handshake, frame parser, frame encoder, UTF-8 check.
import hashlib
import binascii
from uconform.errors import HttpError
from uconform.utf8 import valid as valid_utf8  # noqa: F401 (wsframes and tests use it from here)

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
CONT, TEXT, BINARY, CLOSE, PING, PONG = 0, 1, 2, 8, 9, 10


class ProtocolError(Exception):
    """The peer broke the protocol; close with this code (1002, 1007, 1009)."""

    def __init__(self, code, reason):
        super().__init__(reason)
        self.code = code
        self.reason = reason


def accept_key(key):
    if hasattr(hashlib, "sha1"):
        digest = hashlib.sha1(key.encode() + GUID).digest()
    else:
        from uconform import sha1
        digest = sha1.digest(key.encode() + GUID)
    return binascii.b2a_base64(digest).strip().decode()


def check_upgrade(req):
    """The Sec-WebSocket-Accept value for a valid upgrade request; HttpError 400 otherwise (WS-02)."""
    if req.method != "GET":
        raise HttpError(400, "WebSocket upgrade needs GET")
    if (req.header("upgrade") or "").lower() != "websocket":
        raise HttpError(400, "missing Upgrade: websocket")
    tokens = [t.strip().lower() for t in (req.header("connection") or "").split(",")]
    if "upgrade" not in tokens:
        raise HttpError(400, "missing Connection: Upgrade")
    if req.header("sec-websocket-version") != "13":
        raise HttpError(400, "unsupported Sec-WebSocket-Version", False, [("Sec-WebSocket-Version", "13")])
    key = req.header("sec-websocket-key") or ""
    try:
        raw = binascii.a2b_base64(key.encode())
    except ValueError:
        raw = b""
    if len(raw) != 16:
        raise HttpError(400, "invalid Sec-WebSocket-Key")
    return accept_key(key)


def head(opcode, n, fin=True):
    """The header of a server frame (never masked) with an n-byte payload."""
    first = (0x80 if fin else 0) | opcode
    if n < 126:
        return bytes([first, n])
    if n < 65536:
        return bytes([first, 126, n >> 8, n & 0xFF])
    return bytes([first, 127]) + n.to_bytes(8, "big")


def encode(opcode, payload=b"", fin=True):
    return head(opcode, len(payload), fin) + payload


def close_frame(code, reason=""):
    return encode(CLOSE, code.to_bytes(2, "big") + reason.encode())
