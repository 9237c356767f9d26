# Incremental parsing of client frames (WS-03..06). Messages up to `small` bytes are collected and
# returned whole; a larger one is passed on frame by frame as it arrives (events start/data/end),
# so a 128 KiB message costs one receive buffer of heap, not the message.
from uconform.ws import ProtocolError, CONT, TEXT, BINARY, CLOSE, PING, PONG, valid_utf8
from uconform.utf8 import Utf8Check

SMALL = 4096


class FrameParser:
    def __init__(self, max_message, small=SMALL):
        self.max_message = max_message
        self.small = small
        self.buf = b""
        self.message = None  # _Message while a message is open
        self.stream = None   # [mask, remaining, offset, fin] while a frame's payload streams through

    def feed(self, data):
        """Returns a list of events: (text|binary, payload), (ping|pong, payload), (close, code),
        and for a streamed message (start, opcode, fin, length), (data, bytes), (end, fin)."""
        self.buf = self.buf + data if self.buf else data
        out = []
        while True:
            if self.stream is not None:
                if not self._pass_through(out):
                    return out
                continue
            head = self._head()
            if head is None:
                return out
            event = self._frame(out, *head)
            if event is False:
                return out
            if event is not None:
                out.append(event)
                if event[0] == "close":
                    return out

    def _head(self):
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
        if len(buf) < pos + 4:
            return None
        return fin, opcode, length, pos

    def _frame(self, out, fin, opcode, length, pos):
        """Handles the frame at the front of buf: an event, None, or False while incomplete."""
        buf = self.buf
        mask = buf[pos:pos + 4]
        start = pos + 4
        if opcode >= 8:
            if len(buf) < start + length:
                return False
            payload = unmask(buf[start:start + length], mask)
            self.buf = buf[start + length:]
            if opcode == PING:
                return ("ping", payload)
            if opcode == PONG:
                return ("pong", payload)
            return ("close", _close_code(payload))
        if opcode == CONT:
            if self.message is None:
                raise ProtocolError(1002, "continuation without a message")
        elif self.message is not None:
            raise ProtocolError(1002, "new message inside a fragmented one")
        msg = self.message or _Message(opcode)  # kept once this frame is consumed
        if msg.size + length > self.max_message:
            raise ProtocolError(1009, "message too big")
        if msg.streaming or msg.size + length > self.small:
            if not msg.streaming:
                msg.streaming = True
                if msg.size:  # what was collected goes out first, as a fragment of its own
                    kept = b"".join(msg.parts)
                    msg.parts = []
                    out.append(("start", msg.opcode, False, len(kept)))
                    out.append(("data", kept))
                    out.append(("end", False))
                    msg.sent = True
            out.append(("start", CONT if msg.sent else msg.opcode, fin, length))
            msg.sent = True
            msg.size += length
            self.message = msg
            self.buf = buf[start:]
            self.stream = [mask, length, 0, fin]
            return None
        if len(buf) < start + length:
            return False
        payload = unmask(buf[start:start + length], mask)
        self.buf = buf[start + length:]
        msg.check(payload)
        msg.parts.append(payload)
        msg.size += length
        self.message = msg
        if not fin:
            return None
        self.message = None
        if not msg.valid():
            raise ProtocolError(1007, "invalid UTF-8 in a text message")
        return ("text" if msg.opcode == TEXT else "binary", b"".join(msg.parts))

    def _pass_through(self, out):
        """Unmasks what arrived of a streamed frame's payload; False when more bytes are needed."""
        mask, remaining, offset, fin = self.stream
        take = min(remaining, len(self.buf))
        if take:
            turned = mask[offset % 4:] + mask[:offset % 4]
            piece = unmask(self.buf[:take], turned)
            self.buf = self.buf[take:]
            self.message.check(piece)
            out.append(("data", piece))
            remaining -= take
            self.stream = [mask, remaining, offset + take, fin]
        if remaining:
            return False
        self.stream = None
        out.append(("end", fin))
        msg = self.message
        if not msg.ok():
            raise ProtocolError(1007, "invalid UTF-8 in a text message")  # after the frame: framing intact
        if fin:
            self.message = None
            if not msg.valid():
                raise ProtocolError(1007, "invalid UTF-8 in a text message")
        return True


class _Message:
    def __init__(self, opcode):
        self.opcode = opcode
        self.parts = []
        self.size = 0
        self.streaming = False
        self.sent = False  # a fragment of it went out already: what follows is a continuation
        self.utf8 = Utf8Check() if opcode == TEXT else None

    def check(self, data):
        if self.utf8 is not None:
            self.utf8.feed(data)

    def ok(self):
        return self.utf8 is None or self.utf8.ok

    def valid(self):
        return self.utf8 is None or self.utf8.complete()


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
