# The scalars of a JSON document (RFC 8259 sections 6, 7): strings, numbers, literals, read
# from jsonscan's reader. Apart from jsonscan.py so that each compiles in a few KB of heap.
from uconform.errors import HttpError


def bad(message="invalid JSON body"):
    raise HttpError(400, message)


def string(r):
    while True:
        if r.peek() < 0:
            bad()
        buf = r.buf
        start = r.pos
        end = len(buf)
        for stop in (buf.find(b'"', start), buf.find(b"\\", start)):
            if 0 <= stop < end:
                end = stop
        if end > start:
            if min(buf[start:end]) < 0x20:
                bad("control character in a JSON string")
            r.pos = end
            continue
        c = r.take()
        if c == 0x22:
            return
        e = r.take()  # after a backslash
        if e == 0x75:  # \uXXXX
            for _ in range(4):
                h = r.take()
                if not (0x30 <= h <= 0x39 or 0x41 <= h <= 0x46 or 0x61 <= h <= 0x66):
                    bad()
        elif e < 0 or e not in b'"\\/bfnrt':
            bad()


def digits(r):
    count = 0
    while 0x30 <= r.peek() <= 0x39:
        r.take()
        count += 1
    return count


def number(r):
    if r.peek() == 0x2D:
        r.take()
    if r.peek() == 0x30:
        r.take()
    elif not digits(r):
        bad()
    if r.peek() == 0x2E:
        r.take()
        if not digits(r):
            bad()
    if r.peek() in (0x65, 0x45):
        r.take()
        if r.peek() in (0x2B, 0x2D):
            r.take()
        if not digits(r):
            bad()


def word(r, text):
    for b in text:
        if r.take() != b:
            bad()
