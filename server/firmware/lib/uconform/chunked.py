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

    def step(self, buf):
        """Returns (unconsumed bytes, finished)."""
        pos = 0
        while True:
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
            if len(buf) < data_start + size + 2:
                return buf[pos:], False
            if buf[data_start + size:data_start + size + 2] != b"\r\n":
                raise HttpError(400, "chunk not terminated by CRLF", True)
            if self.sink is not None:
                self.sink.write(buf[data_start:data_start + size])
            else:
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
