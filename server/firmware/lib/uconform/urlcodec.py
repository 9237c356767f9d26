# Percent-decoding of paths (+ stays +) and queries (+ is space, repeated keys kept).
from uconform.errors import HttpError
from uconform.utf8 import valid

_HEX = "0123456789abcdefABCDEF"


def percent_decode(text, plus_is_space=False):
    if "%" not in text and not (plus_is_space and "+" in text):
        return text
    out = bytearray()
    raw = text.encode()
    i = 0
    n = len(raw)
    while i < n:
        c = raw[i]
        if c == 37:  # '%'
            if i + 3 > n:
                raise HttpError(400, "bad percent-escape in request target", True)
            pair = raw[i + 1:i + 3].decode()
            if pair[0] not in _HEX or pair[1] not in _HEX:
                raise HttpError(400, "bad percent-escape in request target", True)
            out.append(int(pair, 16))
            i += 3
        elif c == 43 and plus_is_space:
            out.append(32)
            i += 1
        else:
            out.append(c)
            i += 1
    if not valid(out):  # overlong forms such as %c0%ae ('.') included: MicroPython's decode() takes them
        raise HttpError(400, "request target is not valid UTF-8", True)
    return bytes(out).decode()


def parse_query(query):
    """'a=1&b=x+y&a=2' -> {'a': ['1', '2'], 'b': ['x y']} (insertion order kept)."""
    result = {}
    if not query:
        return result
    for part in query.split("&"):
        if not part:
            continue
        eq = part.find("=")
        if eq < 0:
            key, value = part, ""
        else:
            key, value = part[:eq], part[eq + 1:]
        key = percent_decode(key, True)
        value = percent_decode(value, True)
        if key in result:
            result[key].append(value)
        else:
            result[key] = [value]
    return result
