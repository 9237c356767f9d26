# One WebSocket connection on the socket loop after the upgrade: frames in, replies out (WS group).
from uconform import ws
from uconform.wsframes import FrameParser, SMALL_BINARY
from uconform.ws import ProtocolError
from uconform.compat import ticks_ms, ticks_diff

IDLE_MS = 60000


class WsSession:
    def __init__(self, handler, limits, streams=False):
        self.parser = FrameParser(limits.max_ws_message_bytes, small_binary=SMALL_BINARY if streams else None)
        self.handler = handler
        self.streams = streams  # large messages pass through frame by frame (the echo), else 1009
        self.last = ticks_ms()
        self.frame_timeout = limits.ws_frame_timeout_ms
        self.frame_started = None  # ticks of the first byte of a frame not complete yet

    def received(self, conn, data):
        self.last = ticks_ms()
        if self.frame_started is None:
            self.frame_started = self.last
        try:
            events = self.parser.feed(data)
            if not self.parser.buf and self.parser.stream is None:
                self.frame_started = None  # every frame that began is complete
        except ProtocolError as e:
            self._close(conn, e.code, e.reason)
            return
        for event in events:
            kind, payload = event[0], event[1] if len(event) > 1 else None
            if kind == "ping":
                conn.out.append(ws.encode(ws.PONG, payload))
            elif kind == "close":
                self._close(conn, payload)
                return
            elif kind in ("text", "binary"):
                reply = self.handler(kind, payload)
                if reply is not None:
                    opcode = ws.TEXT if isinstance(reply, str) else ws.BINARY
                    data = reply.encode() if isinstance(reply, str) else reply
                    conn.out.append(ws.head(opcode, len(data)))  # apart: no second block of the message's size
                    conn.out.append(data)
            elif kind == "start":  # a large message: echoed frame by frame as it arrives
                if not self.streams:  # only the echo passes large messages on
                    self._close(conn, 1009, "message too big")
                    return
                conn.out.append(ws.head(event[1], event[3], event[2]))
            elif kind == "data":
                conn.out.append(payload)

    def expired(self, conn, now):
        if conn.closing:
            return False
        if self.frame_started is not None and ticks_diff(now, self.frame_started) > self.frame_timeout:
            self._close(conn, 1008, "frame timeout")  # a frame began and did not end in time
            return True
        if ticks_diff(now, self.last) > IDLE_MS:
            self._close(conn, 1001, "idle")
            return True
        return False

    def closed(self, conn):
        pass

    def out_of_memory(self, conn):
        """A frame could not be handled for want of heap (RFC 6455 7.4.1: 1011, an unexpected condition)."""
        self.parser = None  # the half-parsed message goes; the connection reads nothing more
        self._close(conn, 1011, "out of memory")

    def _close(self, conn, code, reason=""):
        conn.out.append(ws.close_frame(code, reason))
        conn.closing = True
