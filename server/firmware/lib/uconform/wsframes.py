# Incremental parsing of client frames into messages and control frames (WS-03..06).
from uconform.ws import ProtocolError, CONT, TEXT, BINARY, CLOSE, PING, PONG, valid_utf8


class FrameParser:
    def __init__(self, max_message):
        self.max_message = max_message
        self.buf = b""
        self.fragments = None  # (opcode, [parts], size) while a fragmented message is open

    def feed(self, data):
        """Returns a list of (kind, payload): kind in text/binary/ping/pong/close."""
        self.buf += data
        out = []
        while True:
            frame = self._frame()
            if frame is None:
                return out
            event = self._handle(*frame)
            if event is not None:
                out.append(event)
                if event[0] == "close":
                    return out

    def _frame(self):
        buf = self.buf
        if len(buf) < 2:
            return None
        b0, b1 = buf[0], buf[1]
        if b0 & 0x70:
            raise ProtocolError(1002, "RSV bits set")
        if not b1 & 0x80:
            raise ProtocolError(1002, "client frame not masked")
        fin = bool(b0 & 0x80)
        opcode = b0 & 0x0F
        length = b1 & 0x7F
        pos = 2
        if length == 126:
            if len(buf) < 4:
                return None
            length = int.from_bytes(buf[2:4], "big")
            pos = 4
        elif length == 127:
            if len(buf) < 10:
                return None
            length = int.from_bytes(buf[2:10], "big")
            pos = 10
        if opcode >= 8 and (length > 125 or not fin):
            raise ProtocolError(1002, "control frame too long or fragmented")
        if opcode not in (CONT, TEXT, BINARY, CLOSE, PING, PONG):
            raise ProtocolError(1002, "reserved opcode")
        if length > self.max_message:
            raise ProtocolError(1009, "message too big")
        if len(buf) < pos + 4 + length:
            return None
        payload = unmask(buf[pos + 4:pos + 4 + length], buf[pos:pos + 4])
        self.buf = buf[pos + 4 + length:]
        return fin, opcode, payload

    def _handle(self, fin, opcode, payload):
        if opcode == PING:
            return ("ping", payload)
        if opcode == PONG:
            return ("pong", payload)
        if opcode == CLOSE:
            return ("close", _close_code(payload))
        if opcode == CONT:
            if self.fragments is None:
                raise ProtocolError(1002, "continuation without a message")
        elif self.fragments is not None:
            raise ProtocolError(1002, "new message inside a fragmented one")
        else:
            self.fragments = (opcode, [], 0)
        first, parts, size = self.fragments
        size += len(payload)
        if size > self.max_message:
            raise ProtocolError(1009, "message too big")
        parts.append(payload)
        self.fragments = (first, parts, size)
        if not fin:
            return None
        self.fragments = None
        message = b"".join(parts)
        if first == TEXT:
            if not valid_utf8(message):
                raise ProtocolError(1007, "invalid UTF-8 in a text message")
            return ("text", message)
        return ("binary", message)


UNMASK_STEP = 1024  # a multiple of 4, so every block starts at mask byte 0


def unmask(payload, mask):
    """XORs the payload with the 4-byte mask a block at a time (big-int XOR: no per-byte loop)."""
    block = mask * (UNMASK_STEP // 4)
    full_key = int.from_bytes(block, "big")
    pieces = []
    for start in range(0, len(payload), UNMASK_STEP):
        chunk = payload[start:start + UNMASK_STEP]
        k = len(chunk)
        key = full_key if k == UNMASK_STEP else int.from_bytes(block[:k], "big")
        pieces.append((int.from_bytes(chunk, "big") ^ key).to_bytes(k, "big"))
    return b"".join(pieces)


def _close_code(payload):
    if len(payload) == 0:
        return 1000
    if len(payload) == 1:
        raise ProtocolError(1002, "close payload of one byte")
    code = int.from_bytes(payload[:2], "big")
    if code < 1000 or code in (1004, 1005, 1006, 1015) or 1016 <= code < 3000 or code >= 5000:
        raise ProtocolError(1002, "invalid close code")
    if not valid_utf8(payload[2:]):
        raise ProtocolError(1007, "invalid UTF-8 in the close reason")
    return code
