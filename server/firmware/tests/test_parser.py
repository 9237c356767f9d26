# Request framing: PROTO, METH, ERR, LIM rules on bytes, without sockets.
from tests.support import unittest, head, requests_from
from uconform.errors import HttpError
from uconform.limits import Limits
from uconform.urlcodec import parse_query


def status_of(raw, limits=None):
    found, err = requests_from(raw.encode() if isinstance(raw, str) else raw, limits)
    return err.status if isinstance(err, HttpError) else None


def fed_in_pieces(raw, size, limits=None):
    """Feeds raw to a Connection size bytes at a time, as reads arrive: (requests, error status or
    None, the largest input buffer it held)."""
    from uconform import connection
    from tests.support import FakeApp
    conn = connection.Connection(None, limits or Limits(), 0)
    found, largest = [], 0
    for i in range(0, len(raw), size):
        conn.feed(raw[i:i + size], 0)
        largest = max(largest, len(conn.buf))
        try:
            while True:
                req = conn.next_request(FakeApp())
                if req is None:
                    break
                found.append(req)
        except HttpError as e:
            return found, e.status, largest
    return found, None, largest


class RequestLineTest(unittest.TestCase):
    def test_parses_method_path_query_and_headers(self):
        req = head("GET /led%20x/a+b?x=1+2&y=%41&x=3 HTTP/1.1\r\nHost: h\r\nX-Thing:  v \r\n")
        self.assertEqual(req.method, "GET")
        self.assertEqual(req.path, "/led x/a+b")
        self.assertEqual(req.query, {"x": ["1 2", "3"], "y": ["A"]})
        self.assertEqual(req.header("x-THING"), "v")

    def test_malformed_request_lines_are_400(self):
        for line in ("GET /\r\nHost: h\r\n\r\n", "GET  / HTTP/1.1\r\nHost: h\r\n\r\n",
                     "GET / HTTP/1.1 extra\r\nHost: h\r\n\r\n", "GET /\x01 HTTP/1.1\r\nHost: h\r\n\r\n",
                     "GET nopath HTTP/1.1\r\nHost: h\r\n\r\n", "GET / HTTX/1.1\r\nHost: h\r\n\r\n"):
            self.assertEqual(status_of(line), 400, line)
        self.assertEqual(status_of(b"GET /\xc3\xa9 HTTP/1.1\r\nHost: h\r\n\r\n"), 400)

    def test_overlong_and_surrogate_utf8_in_the_path_is_400(self):
        # MicroPython's bytes.decode() accepts these: the decoder must refuse them itself (UP-01)
        for target in ("/files/%c0%ae%c0%ae/x.txt", "/%ed%a0%80", "/%e2%82", "/%ff"):
            self.assertEqual(status_of("GET " + target + " HTTP/1.1\r\nHost: h\r\n\r\n"), 400, target)
        self.assertEqual(head("GET /%c5%bc HTTP/1.1\r\nHost: h\r\n").path, "/\u017c")

    def test_unknown_or_lowercase_method_is_501(self):
        self.assertEqual(status_of("get / HTTP/1.1\r\nHost: h\r\n\r\n"), 501)
        self.assertEqual(status_of("BREW / HTTP/1.1\r\nHost: h\r\n\r\n"), 501)

    def test_unsupported_version_is_505(self):
        self.assertEqual(status_of("GET / HTTP/2.0\r\nHost: h\r\n\r\n"), 505)
        self.assertEqual(status_of("GET / HTTP/1.0\r\n\r\n"), None)

    def test_a_head_over_the_limit_is_never_buffered_whole(self):
        # on a device heap a contiguous block past the limit may not exist (LIM-01 at 192K)
        limits = Limits()
        raw = ("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + "a" * 6000 + "\r\n\r\n").encode()
        found, status, longest = fed_in_pieces(raw, 1024, limits)
        self.assertEqual(status, 431)
        self.assertTrue(longest <= limits.max_header_bytes + 4, longest)

    def test_a_complete_head_over_the_limit_is_431_without_being_joined(self):
        # LIM-01 sends the whole 4210-byte head at once; it arrives in 1 KiB reads
        limits = Limits()
        for over in (1, 100):
            raw = b"GET / HTTP/1.1\r\nHost: h\r\nX-Big: "
            raw += b"a" * (limits.max_header_bytes - len(raw) + over) + b"\r\n\r\n"
            found, status, largest = fed_in_pieces(raw, 1024, limits)
            self.assertEqual((status, largest), (431, 1024), over)
        at_limit = b"GET / HTTP/1.1\r\nHost: h\r\nX-Big: "
        at_limit += b"a" * (limits.max_header_bytes - len(at_limit)) + b"\r\n\r\n"
        found, status, largest = fed_in_pieces(at_limit, 1024, limits)
        self.assertEqual(([r.path for r in found], status), (["/"], None))

    def test_a_head_in_pieces_grows_by_no_copy_and_parses_the_same_wherever_it_is_cut(self):
        # a 4 KB head used to grow 1K, 2K, 3K, 4K by copying (3 KB + 4 KB at once on the heap)
        from uconform import connection
        from tests.support import FakeApp
        head = "GET /p?q=1 HTTP/1.1\r\nHost: h\r\n" + "".join("X-%d: %s\r\n" % (i, "v" * 60) for i in range(55))
        raw = (head + "\r\nGET /next HTTP/1.1\r\nHost: h\r\n\r\n").encode()
        self.assertTrue(3500 < len(raw) < 4096, len(raw))
        end = raw.find(b"\r\n\r\n")
        for size in (1024, 700, 3, 1):
            for cut in (end + 1, end + 2, end + 3):  # the blank line split across two pieces
                pieces = [raw[i:i + size] for i in range(0, cut, size)]
                pieces[-1:] = [pieces[-1], raw[len(b"".join(pieces)):]] if len(b"".join(pieces)) < len(raw) else pieces[-1:]
                conn = connection.Connection(None, Limits(), 0)
                found, largest, fed = [], 0, 0
                for piece in pieces:
                    conn.feed(piece, 0)
                    fed += len(piece)
                    if fed < end + 4:  # the head is not complete yet
                        largest = max(largest, len(conn.buf))
                    while True:
                        req = conn.next_request(FakeApp())
                        if req is None:
                            break
                        found.append(req)
                self.assertEqual([r.path for r in found], ["/p", "/next"], (size, cut))
                self.assertEqual(len(found[0].headers), 56)
                self.assertTrue(largest <= max(size, 40), (size, cut, largest))  # the request line at most

    def test_a_complete_head_over_the_limit_is_431_without_being_joined(self):
        # LIM-01 sends the whole 4210-byte head at once; it arrives in 1 KiB reads
        from uconform import connection
        from tests.support import FakeApp
        limits = Limits()
        for over in (1, 100):
            raw = b"GET / HTTP/1.1\r\nHost: h\r\nX-Big: "
            raw += b"a" * (limits.max_header_bytes - len(raw) + over) + b"\r\n\r\n"
            conn = connection.Connection(None, limits, 0)
            status, largest = None, 0
            for i in range(0, len(raw), 1024):
                conn.feed(raw[i:i + 1024], 0)
                largest = max(largest, len(conn.buf))
                try:
                    conn.next_request(FakeApp())
                except HttpError as e:
                    status = e.status
            self.assertEqual((status, largest), (431, 1024), over)
        at_limit = b"GET / HTTP/1.1\r\nHost: h\r\nX-Big: "
        at_limit += b"a" * (limits.max_header_bytes - len(at_limit)) + b"\r\n\r\n"
        conn = connection.Connection(None, limits, 0)
        found = []
        for i in range(0, len(at_limit), 1024):
            conn.feed(at_limit[i:i + 1024], 0)
            found.append(conn.next_request(FakeApp()))
        self.assertEqual([r.path for r in found if r], ["/"])

    def test_long_target_is_414_even_before_the_line_ends(self):
        self.assertEqual(status_of("GET /" + "a" * 1100 + " HTTP/1.1\r\nHost: h\r\n\r\n"), 414)
        self.assertEqual(status_of("GET /" + "a" * 5000), 414)

    def test_header_block_over_limit_is_431(self):
        big = "X-A: " + "b" * 5000 + "\r\n"
        self.assertEqual(status_of("GET / HTTP/1.1\r\nHost: h\r\n" + big), 431)
        self.assertEqual(status_of("GET / HTTP/1.1\r\nHost: h\r\n" + big + "\r\n"), 431)


class HeaderRulesTest(unittest.TestCase):
    def test_host_rules(self):
        self.assertEqual(status_of("GET / HTTP/1.1\r\n\r\n"), 400)
        self.assertEqual(status_of("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), 400)

    def test_content_length_rules(self):
        base = "POST /echo HTTP/1.1\r\nHost: h\r\n"
        self.assertEqual(status_of(base + "Content-Length: 1\r\nContent-Length: 1\r\n\r\nab"), 400)
        self.assertEqual(status_of(base + "Content-Length: -1\r\n\r\n"), 400)
        self.assertEqual(status_of(base + "Content-Length: 1x\r\n\r\n"), 400)
        self.assertEqual(status_of(base + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"), 400)

    def test_line_without_colon_and_obs_fold_are_400(self):
        self.assertEqual(status_of("GET / HTTP/1.1\r\nHost: h\r\nBroken\r\n\r\n"), 400)
        self.assertEqual(status_of("GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n  b\r\n\r\n"), 400)
        self.assertEqual(status_of("GET / HTTP/1.1\r\nHost : h\r\n\r\n"), 400)

    def test_post_with_body_but_no_length_is_411(self):
        self.assertEqual(status_of("POST /echo HTTP/1.1\r\nHost: h\r\n\r\n{\"a\":1}"), 411)

    def test_post_without_body_and_pipelined_get_is_fine(self):
        found, err = requests_from(b"POST /x HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n")
        self.assertIsNone(err)
        self.assertEqual([r.method for r in found], ["POST", "GET"])

    def test_body_over_limit_is_413(self):
        self.assertEqual(status_of("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 70000\r\n\r\n"), 413)


class FramingTest(unittest.TestCase):
    def test_pipelined_requests_come_out_in_order(self):
        raw = "GET /a HTTP/1.1\r\nHost: h\r\n\r\nPOST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nxyzGET /c HTTP/1.1\r\nHost: h\r\n\r\n"
        found, err = requests_from(raw.encode())
        self.assertIsNone(err)
        self.assertEqual([r.path for r in found], ["/a", "/b", "/c"])
        self.assertEqual(found[1].body, b"xyz")

    def test_request_split_in_one_byte_pieces_parses_the_same(self):
        from uconform import connection
        from tests.support import FakeApp
        raw = b"PUT /gpio/2?q=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
        conn = connection.Connection(None, Limits(), 0)
        got = None
        for i in range(len(raw)):
            conn.feed(raw[i:i + 1], 0)
            got = conn.next_request(FakeApp()) or got
        self.assertEqual((got.method, got.path, got.body), ("PUT", "/gpio/2", b"hello"))

    def test_chunked_body_with_extensions_and_trailers(self):
        raw = b"POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n" \
              b"3;ext=1\r\n{\"a\r\n4\r\n\":1}\r\n0\r\nX-Trailer: t\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n"
        found, err = requests_from(raw)
        self.assertIsNone(err)
        self.assertEqual(found[0].spool.data(), b'{"a":1}')
        self.assertTrue(found[0].spool.finished)
        self.assertEqual(found[1].path, "/")

    def test_a_large_body_goes_to_its_sink_in_pieces_and_the_next_request_follows(self):
        from uconform import connection, body
        from tests.support import FakeApp
        payload = bytes(range(256)) * ((body.RAM_BODY * 3) // 256)
        raw = b"PUT /f HTTP/1.1\r\nHost: h\r\nContent-Length: " + str(len(payload)).encode() \
            + b"\r\n\r\n" + payload + b"GET / HTTP/1.1\r\nHost: h\r\n\r\n"
        conn = connection.Connection(None, Limits(), 0)
        found = []
        for i in range(0, len(raw), 700):
            conn.feed(raw[i:i + 700], 0)
            while True:
                req = conn.next_request(FakeApp())
                if req is None:
                    break
                found.append(req)
        self.assertEqual([r.path for r in found], ["/f", "/"])
        self.assertEqual(found[0].spool.data(), payload)
        self.assertEqual(found[0].body, b"")

    def test_a_large_chunk_streams_into_the_sink_as_it_arrives(self):
        # a large chunk (64 KB in UP-03) was held whole in the connection's buffer, grown by copying
        data = bytes(range(256)) * 48
        raw = b"PUT /f HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n" \
            + b"%x\r\n" % len(data) + data + b"\r\n3;x=y\r\nabc\r\n0\r\nT: t\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n"
        for size in (1024, 7):
            found, status, largest = fed_in_pieces(raw, size, Limits({"max_body_bytes": 70000}))
            self.assertEqual(([r.path for r in found], status), (["/f", "/"], None), size)
            self.assertEqual(found[0].spool.data(), data + b"abc")
            self.assertTrue(largest <= max(size, 100), (size, largest))

    def test_a_chunk_without_its_crlf_is_400_and_one_over_the_limit_413(self):
        head = "POST /e HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
        self.assertEqual(status_of(head + "5\r\nhelloXY0\r\n\r\n"), 400)
        self.assertEqual(status_of(head + "ffffff\r\nabc"), 413)

    def test_a_body_cut_by_a_framing_error_is_discarded(self):
        from uconform import connection
        from tests.support import FakeApp
        conn = connection.Connection(None, Limits({"max_body_bytes": 10}), 0)
        conn.feed(b"POST /e HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n9\r\n", 0)
        status = sink = None
        try:
            conn.next_request(FakeApp())
        except HttpError as e:
            status, sink = e.status, conn.sink
            conn.fail(e)
        self.assertEqual(status, 413)
        self.assertTrue(sink.discarded)
        self.assertIsNone(conn.sink)

    def test_http10_closes_unless_keep_alive(self):
        self.assertTrue(head("GET / HTTP/1.0\r\n").wants_close())
        self.assertFalse(head("GET / HTTP/1.0\r\nConnection: keep-alive\r\n").wants_close())
        self.assertFalse(head("GET / HTTP/1.1\r\nHost: h\r\n").wants_close())
        self.assertTrue(head("GET / HTTP/1.1\r\nHost: h\r\nConnection: Close\r\n").wants_close())

    def test_query_keeps_repeated_keys(self):
        self.assertEqual(parse_query("a=1&a=2&b"), {"a": ["1", "2"], "b": [""]})


if __name__ == "__main__":
    unittest.main()
