# WebSocket framing without sockets: handshake, messages, control frames, protocol errors.
import json
from tests.support import unittest, head
from tests.wsclient import frame
from uconform import ws, ws_api
from uconform.ws import ProtocolError
from uconform.wsframes import FrameParser
from uconform.errors import HttpError


def upgrade_request(extra=""):
    return head("GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" + extra)


class HandshakeTest(unittest.TestCase):
    def test_accept_key_of_rfc6455_example(self):
        self.assertEqual(ws.check_upgrade(upgrade_request("sec-websocket-version: 13\r\n")),
                         "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")

    def test_fallback_sha1_matches_known_digests(self):
        from uconform import sha1
        self.assertEqual(sha1.digest(b"abc").hex(), "a9993e364706816aba3e25717850c26c9cd0d89d")
        self.assertEqual(sha1.digest(b"a" * 1000).hex(), "291e9a6c66994949b57ba5e650361e98fc36b1ba")

    def test_bad_upgrades_are_400(self):
        self.assertRaises(HttpError, ws.check_upgrade, upgrade_request("Sec-WebSocket-Version: 8\r\n"))
        self.assertRaises(HttpError, ws.check_upgrade,
                          head("GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"))


class FrameTest(unittest.TestCase):
    def setUp(self):
        self.parser = FrameParser(128 * 1024)

    def code_of(self, data):
        try:
            self.parser.feed(data)
        except ProtocolError as e:
            return e.code
        return None

    def test_text_binary_empty_and_large_messages(self):
        big = bytes(range(256)) * 300
        events = self.parser.feed(frame(ws.TEXT, b"hi") + frame(ws.BINARY, big[:4000]) + frame(ws.TEXT, b""))
        self.assertEqual(events, [("text", b"hi"), ("binary", big[:4000]), ("text", b"")])
        data = frame(ws.BINARY, big)
        got = []
        for i in range(0, len(data), 1000):
            got.extend(self.parser.feed(data[i:i + 1000]))
        self.assertEqual(got[0], ("start", ws.BINARY, True, len(big)))
        self.assertEqual(b"".join(e[1] for e in got if e[0] == "data"), big)
        self.assertEqual(got[-1], ("end", True))

    def test_a_fragmented_message_past_the_small_size_streams_on_as_continuations(self):
        text = "żółw €".encode() * 500  # 5500 bytes: the first 3000 are collected, then it streams
        data = frame(ws.TEXT, text[:3000], fin=False) + frame(ws.PING, b"p") + frame(ws.CONT, text[3000:])
        got = self.parser.feed(data)
        kinds = [e[0] for e in got]
        self.assertEqual(kinds, ["ping", "start", "data", "end", "start", "data", "end"])
        self.assertEqual((got[1], got[4]), (("start", ws.TEXT, False, 3000), ("start", ws.CONT, True, len(text) - 3000)))
        self.assertEqual(got[2][1] + got[5][1], text)

    def test_an_echo_streams_binary_past_1_kib_but_keeps_text_whole_for_commands(self):
        from uconform.wsframes import SMALL_BINARY
        parser = FrameParser(128 * 1024, small_binary=SMALL_BINARY)
        blob = bytes(range(250)) * 12  # 3000 bytes in three fragments, a ping between two (WS-04)
        got = parser.feed(frame(ws.BINARY, blob[:1000], fin=False) + frame(ws.CONT, blob[1000:2000], fin=False)
                          + frame(ws.PING, b"p") + frame(ws.CONT, blob[2000:]))
        kinds = [e[0] for e in got]
        self.assertEqual(kinds[:4], ["start", "data", "end", "start"], kinds)
        self.assertIn("ping", kinds)
        self.assertEqual(b"".join(e[1] for e in got if e[0] == "data"), blob)
        self.assertEqual(got[-1], ("end", True))
        text = b'{"cmd": "upper", "text": "' + b"a" * 2900 + b'"}'
        got = parser.feed(frame(ws.TEXT, text[:1000], fin=False) + frame(ws.CONT, text[1000:]))
        self.assertEqual(got, [("text", text)])

    def test_invalid_utf8_in_a_streamed_message_closes_1007_after_its_frame(self):
        with self.assertRaises(ProtocolError) as ctx:
            self.parser.feed(frame(ws.TEXT, b"a" * 5000 + b"\xff" + b"b" * 100))
        self.assertEqual(ctx.exception.code, 1007)
        self.assertEqual(self.parser.stream, None)

    def test_split_frames_and_ping_between_fragments(self):
        data = frame(ws.TEXT, b"hel", fin=False) + frame(ws.PING, b"p") + frame(ws.CONT, b"lo")
        got = []
        for i in range(len(data)):
            got.extend(self.parser.feed(data[i:i + 1]))
        self.assertEqual(got, [("ping", b"p"), ("text", b"hello")])

    def test_protocol_errors_close_1002(self):
        self.assertEqual(self.code_of(frame(ws.TEXT, b"x", mask=None)), 1002)
        self.assertEqual(FrameTest.code(frame(ws.TEXT, b"x", rsv=0x40)), 1002)
        self.assertEqual(FrameTest.code(frame(3, b"x")), 1002)
        self.assertEqual(FrameTest.code(frame(ws.PING, b"x" * 126)), 1002)
        self.assertEqual(FrameTest.code(frame(ws.PING, b"x", fin=False)), 1002)
        self.assertEqual(FrameTest.code(frame(ws.CONT, b"x")), 1002)

    def test_invalid_utf8_closes_1007(self):
        self.assertEqual(self.code_of(frame(ws.TEXT, b"\xc3\x28")), 1007)
        self.assertEqual(FrameTest.code(frame(ws.TEXT, b"\xed\xa0\x80")), 1007)
        self.assertTrue(ws.valid_utf8("żółw €".encode()))

    def test_close_code_is_reported(self):
        self.assertEqual(self.parser.feed(frame(ws.CLOSE, (1001).to_bytes(2, "big") + b"bye")), [("close", 1001)])

    def test_server_frames_use_extended_lengths(self):
        self.assertEqual(ws.encode(ws.TEXT, b"a" * 200)[:4], bytes([0x81, 126, 0, 200]))
        self.assertEqual(ws.encode(ws.BINARY, b"a" * 70000)[:2], bytes([0x82, 127]))

    def test_reference_command_and_echo(self):
        reply = ws_api.echo_or_command("text", b'{"cmd":"upper","text":"abc"}')
        self.assertEqual(json.loads(reply), {"data": "ABC"})
        self.assertEqual(ws_api.echo_or_command("text", b"plain"), "plain")

    @staticmethod
    def code(data):
        try:
            FrameParser(1024).feed(data)
        except ProtocolError as e:
            return e.code
        return None


if __name__ == "__main__":
    unittest.main()
