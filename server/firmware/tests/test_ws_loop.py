# WebSocket over the poll loop on loopback (CPython only).
from tests.support import unittest
from tests.loopback import Running, Reader
from tests.wsclient import frame
from uconform.router import App
from uconform import ws, ws_api

UPGRADE = (b"GET /ws HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")


def read_frame(reader):
    while len(reader.buf) < 2:
        reader._more()
    n = reader.buf[1] & 0x7F
    pos = 2
    if n == 126:
        while len(reader.buf) < 4:
            reader._more()
        n, pos = int.from_bytes(reader.buf[2:4], "big"), 4
    elif n == 127:
        while len(reader.buf) < 10:
            reader._more()
        n, pos = int.from_bytes(reader.buf[2:10], "big"), 10
    while len(reader.buf) < pos + n:
        reader._more()
    opcode, payload = reader.buf[0] & 0x0F, reader.buf[pos:pos + n]
    reader.buf = reader.buf[pos + n:]
    return opcode, payload


class WebSocketLoopTest(unittest.TestCase):
    def setUp(self):
        app = App("ws")
        ws_api.route(app, "/ws", ws_api.echo_or_command)
        self.running = Running(app)

    def tearDown(self):
        self.running.stop()

    def test_upgrade_echo_ping_and_close(self):
        s = self.running.connect()
        s.sendall(UPGRADE + frame(ws.TEXT, b"early"))
        r = Reader(s)
        reply = r.reply(head_only=True)
        self.assertEqual((reply.status, reply.header("sec-websocket-accept")), (101, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))
        self.assertEqual(read_frame(r), (ws.TEXT, b"early"))
        big = b"z" * 70000
        s.sendall(frame(ws.BINARY, big) + frame(ws.PING, b"pp"))
        self.assertEqual(read_frame(r), (ws.BINARY, big))
        self.assertEqual(read_frame(r), (ws.PONG, b"pp"))
        s.sendall(frame(ws.CLOSE, (4000).to_bytes(2, "big")))
        self.assertEqual(read_frame(r), (ws.CLOSE, (4000).to_bytes(2, "big")))
        self.assertTrue(r.closed())

    def test_unmasked_frame_gets_1002_and_bad_upgrade_400(self):
        s = self.running.connect()
        s.sendall(UPGRADE)
        r = Reader(s)
        r.reply(head_only=True)
        s.sendall(frame(ws.TEXT, b"x", mask=None))
        self.assertEqual(read_frame(r), (ws.CLOSE, (1002).to_bytes(2, "big") + b"client frame not masked"))
        s2 = self.running.connect()
        s2.sendall(UPGRADE.replace(b"Version: 13", b"Version: 99"))
        self.assertEqual(Reader(s2).reply().status, 400)



class WebSocketOutOfMemoryTest(unittest.TestCase):
    def setUp(self):
        def handler(kind, payload):
            if payload == b"big":
                raise MemoryError("memory allocation failed, allocating 1024 bytes")
            return payload.decode() if isinstance(payload, bytes) else payload
        app = App("ws")
        ws_api.route(app, "/ws", handler)
        self.running = Running(app)

    def tearDown(self):
        self.running.stop()

    def test_a_message_that_runs_out_of_heap_closes_1011_and_no_http_bytes_reach_the_stream(self):
        s = self.running.connect()
        s.sendall(UPGRADE + frame(ws.TEXT, b"small"))
        r = Reader(s)
        self.assertEqual(r.reply(head_only=True).status, 101)
        self.assertEqual(read_frame(r), (ws.TEXT, b"small"))
        s.sendall(frame(ws.TEXT, b"big"))
        opcode, payload = read_frame(r)
        self.assertEqual((opcode, payload[:2]), (ws.CLOSE, (1011).to_bytes(2, "big")), payload)
        self.assertTrue(r.closed())
        other = self.running.connect()  # the server goes on serving
        other.sendall(UPGRADE + frame(ws.TEXT, b"again"))
        r2 = Reader(other)
        self.assertEqual(r2.reply(head_only=True).status, 101)
        self.assertEqual(read_frame(r2), (ws.TEXT, b"again"))

if __name__ == "__main__":
    unittest.main()


class FrameDeadlineTest(unittest.TestCase):
    def setUp(self):
        app = App("ws")
        ws_api.route(app, "/ws", ws_api.echo_or_command)
        self.running = Running(app, ws_frame_timeout_ms=300)

    def tearDown(self):
        self.running.stop()

    def test_a_frame_left_incomplete_is_closed_1008(self):
        s = self.running.connect()
        s.sendall(UPGRADE)
        r = Reader(s)
        r.reply(head_only=True)
        s.sendall(frame(ws.TEXT, b"complete"))
        self.assertEqual(read_frame(r), (ws.TEXT, b"complete"))
        s.sendall(frame(ws.TEXT, b"never finished")[:6])
        self.assertEqual(read_frame(r), (ws.CLOSE, (1008).to_bytes(2, "big") + b"frame timeout"))
        self.assertTrue(r.closed())
