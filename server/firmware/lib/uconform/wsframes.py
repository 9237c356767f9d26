# Incremental parsing of client frames (WS-03..06). Messages up to `small` bytes are collected and
# returned whole; a larger one is passed on frame by frame as it arrives (events start/data/end),
# so a 128 KiB message costs one receive buffer of heap, not the message.
# A frame's payload and the message it belongs to are handled in wsmessage.py, masks and close
# payloads in wsmask.py: each module compiles in a few KB of heap on a device.
from uconform.ws import ProtocolError, CONT, TEXT, BINARY, CLOSE, PING, PONG
from uconform import wsmessage

SMALL = 4096
SMALL_BINARY = 1024  # an echo streams binary messages past this (they are never commands)


class FrameParser:
    def __init__(self, max_message, small=SMALL, small_binary=None):
        self.max_message = max_message
        self.small = small
        # a binary message is collected up to this (a 3 KB one in 1 KB fragments needed a 3 KB
        # block to be joined: WS-04 answered 1011 at 120K); text stays whole up to small: an
        # echo's text may be a command, answered only when it is read whole
        self.small_binary = small if small_binary is None else small_binary
        self.buf = b""
        self.message = None  # wsmessage.Message while a message is open
        self.stream = None   # [mask, remaining, offset, fin] while a frame's payload streams through
    def feed(self, data):
        """Returns a list of events: (text|binary, payload), (ping|pong, payload), (close, code),
        and for a streamed message (start, opcode, fin, length), (data, bytes), (end, fin)."""
        self.buf = self.buf + data if self.buf else data
        out = []
        while True:
            if self.stream is not None:
                if not wsmessage.pass_through(self, out):
                    return out
                continue
            head = self._head()
            if head is None:
                return out
            event = wsmessage.frame(self, out, *head)
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
