# Chunked transfer coding (CHUNK-01/02): decode a request body, encode response chunks.
from uconform.errors import HttpError


class Decoder:
    """Decodes a chunked body incrementally, consuming complete pieces from the front of the buffer.

    Chunk extensions are ignored and trailers consumed; 400 when malformed, 413 over the limit.
    """

    def __init__(self, limit, sink=None):
        self.limit = limit
        self.sink = sink  # receives each chunk's data as decoded; else the parts are kept in RAM
        self.parts = []
        self.size = 0
        self.in_trailers = False
        self.remaining = 0       # data of the current chunk still to come (streamed to the sink)
        self.after_data = False  # the CRLF that ends a chunk's data is due

    def step(self, buf):
        """Returns (unconsumed bytes, finished). With a sink, a chunk's data goes to it as it
        arrives: a 64 KB chunk is never held whole (it grew the buffer by copying, 503 at 128K)."""
        pos = 0
        while True:
            if self.remaining:
                take = min(self.remaining, len(buf) - pos)
                if take:
                    self.sink.write(buf[pos:pos + take])
                    pos += take
                    self.remaining -= take
                if self.remaining:
                    return b"", False
                self.after_data = True
            if self.after_data:
                if len(buf) - pos < 2:
                    return buf[pos:], False
                if buf[pos:pos + 2] != b"\r\n":
                    raise HttpError(400, "chunk not terminated by CRLF", True)
                self.after_data = False
                pos += 2
                continue
            line_end = buf.find(b"\r\n", pos)
            if line_end < 0:
                if len(buf) - pos > 256 and not self.in_trailers:
                    raise HttpError(400, "malformed chunk size line", True)
                return buf[pos:], False
            if self.in_trailers:
                if line_end == pos:
                    return buf[pos + 2:], True
                pos = line_end + 2
                continue
            size_text = buf[pos:line_end].split(b";")[0].strip()
            try:
                size = int(size_text, 16)
            except ValueError:
                raise HttpError(400, "malformed chunk size", True)
            if size < 0 or not size_text:
                raise HttpError(400, "malformed chunk size", True)
            if size == 0:
                self.in_trailers = True
                pos = line_end + 2
                continue
            if self.size + size > self.limit:
                raise HttpError(413, "request body too large", True)
            data_start = line_end + 2
            if self.sink is not None:
                self.size += size
                self.remaining = size
                pos = data_start
                continue
            if len(buf) < data_start + size + 2:
                return buf[pos:], False
            if buf[data_start + size:data_start + size + 2] != b"\r\n":
                raise HttpError(400, "chunk not terminated by CRLF", True)
            self.parts.append(buf[data_start:data_start + size])
            self.size += size
            pos = data_start + size + 2

    def body(self):
        return b"".join(self.parts)


def decode(buf, start, limit):
    """One-shot decoding of buf[start:]: (body, end index) or None while incomplete."""
    decoder = Decoder(limit)
    rest, done = decoder.step(buf[start:])
    if not done:
        return None
    return decoder.body(), len(buf) - len(rest)


def encode_chunk(data):
    return ("%x\r\n" % len(data)).encode() + data + b"\r\n"


LAST_CHUNK = b"0\r\n\r\n"
