# One frame's payload inside its message (WS-03..06): a control frame or a small message is
# answered whole, a larger message streams through frame by frame (see wsframes.py).
from uconform.ws import ProtocolError, CONT, TEXT, PING, PONG
from uconform.utf8 import Utf8Check
from uconform.wsmask import unmask, close_code


def frame(parser, out, fin, opcode, length, pos):
    """Handles the frame at the front of buf: an event, None, or False while incomplete."""
    buf = parser.buf
    mask = buf[pos:pos + 4]
    start = pos + 4
    if opcode >= 8:
        if len(buf) < start + length:
            return False
        payload = unmask(buf[start:start + length], mask)
        parser.buf = buf[start + length:]
        if opcode == PING:
            return ("ping", payload)
        if opcode == PONG:
            return ("pong", payload)
        return ("close", close_code(payload))
    if opcode == CONT:
        if parser.message is None:
            raise ProtocolError(1002, "continuation without a message")
    elif parser.message is not None:
        raise ProtocolError(1002, "new message inside a fragmented one")
    msg = parser.message or Message(opcode)  # kept once this frame is consumed
    if msg.size + length > parser.max_message:
        raise ProtocolError(1009, "message too big")
    small = parser.small if msg.opcode == TEXT else parser.small_binary
    if msg.streaming or msg.size + length > small:
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
        parser.message = msg
        parser.buf = buf[start:]
        parser.stream = [mask, length, 0, fin]
        return None
    if len(buf) < start + length:
        return False
    payload = unmask(buf[start:start + length], mask)
    parser.buf = buf[start + length:]
    msg.check(payload)
    msg.parts.append(payload)
    msg.size += length
    parser.message = msg
    if not fin:
        return None
    parser.message = None
    if not msg.valid():
        raise ProtocolError(1007, "invalid UTF-8 in a text message")
    return ("text" if msg.opcode == TEXT else "binary", b"".join(msg.parts))


def pass_through(parser, out):
    """Unmasks what arrived of a streamed frame's payload; False when more bytes are needed."""
    mask, remaining, offset, fin = parser.stream
    take = min(remaining, len(parser.buf))
    if take:
        turned = mask[offset % 4:] + mask[:offset % 4]
        piece = unmask(parser.buf[:take], turned)
        parser.buf = parser.buf[take:]
        parser.message.check(piece)
        out.append(("data", piece))
        remaining -= take
        parser.stream = [mask, remaining, offset + take, fin]
    if remaining:
        return False
    parser.stream = None
    out.append(("end", fin))
    msg = parser.message
    if not msg.ok():
        raise ProtocolError(1007, "invalid UTF-8 in a text message")  # after the frame: framing intact
    if fin:
        parser.message = None
        if not msg.valid():
            raise ProtocolError(1007, "invalid UTF-8 in a text message")
    return True



class Message:
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
