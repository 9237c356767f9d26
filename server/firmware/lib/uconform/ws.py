# WebSocket (RFC 6455), transport-free: handshake, frame parser, frame encoder, UTF-8 check.
import hashlib
import binascii
from uconform.errors import HttpError

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


def encode(opcode, payload=b"", fin=True):
    """A server frame (never masked)."""
    n = len(payload)
    first = (0x80 if fin else 0) | opcode
    if n < 126:
        head = bytes([first, n])
    elif n < 65536:
        head = bytes([first, 126, n >> 8, n & 0xFF])
    else:
        head = bytes([first, 127]) + n.to_bytes(8, "big")
    return head + payload


def close_frame(code, reason=""):
    return encode(CLOSE, code.to_bytes(2, "big") + reason.encode())


def valid_utf8(data):
    if not data or max(data) < 0x80:
        return True  # ASCII: max() runs in C, no Python loop over the bytes
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            i += 1
            continue
        if 0xC2 <= b <= 0xDF:
            need, low, high = 1, 0x80, 0xBF
        elif 0xE0 <= b <= 0xEF:
            need = 2
            low, high = (0xA0, 0xBF) if b == 0xE0 else ((0x80, 0x9F) if b == 0xED else (0x80, 0xBF))
        elif 0xF0 <= b <= 0xF4:
            need = 3
            low, high = (0x90, 0xBF) if b == 0xF0 else ((0x80, 0x8F) if b == 0xF4 else (0x80, 0xBF))
        else:
            return False
        if i + need >= n:
            return False
        if not (low <= data[i + 1] <= high):
            return False
        for k in range(2, need + 1):
            if not (0x80 <= data[i + k] <= 0xBF):
                return False
        i += need + 1
    return True
