# Checks that a JSON document in a file is valid (RFC 8259) reading it in small pieces, so a
# 64 KiB body is validated without holding it, or what it parses into, in RAM.
from uconform.utf8 import Utf8Check
from uconform.jsonlex import bad as _bad, string as _string, number as _number, word as _word

MAX_DEPTH = 64
_WS = b" \t\r\n"


class _Reader:
    def __init__(self, f):
        self.f = f
        self.buf = b""
        self.pos = 0
        self.utf8 = Utf8Check()

    def peek(self):
        if self.pos >= len(self.buf):
            self.buf = self.f.read(512)
            self.pos = 0
            if not self.buf:
                return -1
            if not self.utf8.feed(self.buf):
                _bad("body is not valid UTF-8")
        return self.buf[self.pos]

    def take(self):
        c = self.peek()
        self.pos += 1
        return c

    def skip_ws(self):
        while True:
            c = self.peek()
            if c < 0 or c not in _WS:
                return c
            self.pos += 1


def check_file(path):
    """Returns None for a valid document; raises HttpError 400 otherwise."""
    with open(path, "rb") as f:
        r = _Reader(f)
        if r.skip_ws() < 0:
            _bad("expected a JSON body")
        _value(r, 0)
        if r.skip_ws() >= 0:
            _bad("trailing bytes after the JSON value")
        if not r.utf8.complete():
            _bad("body is not valid UTF-8")


def _value(r, depth):
    c = r.skip_ws()
    if c == 0x7B:  # {
        _container(r, depth, 0x7D, True)
    elif c == 0x5B:  # [
        _container(r, depth, 0x5D, False)
    elif c == 0x22:  # "
        r.take()
        _string(r)
    elif c == 0x2D or 0x30 <= c <= 0x39:
        _number(r)
    elif c == 0x74:
        _word(r, b"true")
    elif c == 0x66:
        _word(r, b"false")
    elif c == 0x6E:
        _word(r, b"null")
    else:
        _bad()


def _container(r, depth, close, keyed):
    if depth >= MAX_DEPTH:
        _bad("JSON nested too deeply")
    r.take()
    if r.skip_ws() == close:
        r.take()
        return
    while True:
        if keyed:
            if r.skip_ws() != 0x22:
                _bad()
            r.take()
            _string(r)
            if r.skip_ws() != 0x3A:  # :
                _bad()
            r.take()
        _value(r, depth + 1)
        c = r.skip_ws()
        r.take()
        if c == close:
            return
        if c != 0x2C:  # ,
            _bad()
