# Chunked transfer coding (CHUNK-01/02): decode a request body, encode response chunks.
from uconform.errors import HttpError


def decode(buf, start, limit):
    """Decodes a chunked body beginning at buf[start].

    Returns (body, end) where end is the index after the trailers, or None while incomplete.
    Chunk extensions are ignored and trailers consumed. 400 when malformed, 413 over limit.
    """
    body = bytearray()
    pos = start
    while True:
        line_end = buf.find(b"\r\n", pos)
        if line_end < 0:
            if len(buf) - pos > 256:
                raise HttpError(400, "malformed chunk size line", True)
            return None
        size_text = buf[pos:line_end].split(b";")[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            raise HttpError(400, "malformed chunk size", True)
        if size < 0 or not size_text:
            raise HttpError(400, "malformed chunk size", True)
        pos = line_end + 2
        if size == 0:
            return _trailers(buf, pos, body)
        if len(body) + size > limit:
            raise HttpError(413, "request body too large", True)
        if len(buf) < pos + size + 2:
            return None
        body.extend(buf[pos:pos + size])
        if buf[pos + size:pos + size + 2] != b"\r\n":
            raise HttpError(400, "chunk not terminated by CRLF", True)
        pos += size + 2


def _trailers(buf, pos, body):
    while True:
        line_end = buf.find(b"\r\n", pos)
        if line_end < 0:
            return None
        if line_end == pos:
            return bytes(body), pos + 2
        pos = line_end + 2


def encode_chunk(data):
    return ("%x\r\n" % len(data)).encode() + data + b"\r\n"


LAST_CHUNK = b"0\r\n\r\n"
