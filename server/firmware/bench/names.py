#!/usr/bin/env python3
"""Writes lib/uconform/names.txt: every name and short string literal of the firmware's code, the
strings MicroPython interns (qstrs) when it compiles them. main.py interns them first, while the
heap is still empty, so the qstr table's doubling allocations (640 entries, ~7 KB contiguous on a
64-bit port) never have to be found later in a fragmented heap.

  python3 server/firmware/bench/names.py      (tests/test_names.py fails while the list is stale)"""
import io
import keyword
import os
import sys
import tokenize

FIRMWARE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = ("boot.py", "main.py", "lib", "apps")
INTERN_STRING_LEN = 10  # MicroPython's MICROPY_ALLOC_PARSE_INTERN_STRING_LEN: shorter literals are interned


def _files(root):
    for name in SOURCES:
        path = os.path.join(root, name)
        if os.path.isfile(path):
            yield path
        for folder, _, files in sorted(os.walk(path)):
            for f in sorted(files):
                if f.endswith(".py"):
                    yield os.path.join(folder, f)


def _literal(text):
    body = text.lstrip("rRuU")
    if body[:1] not in ("'", '"') or body[:3] in ('"""', "'''"):
        return None
    try:
        value = eval(text, {})  # a plain string literal from our own source
    except (SyntaxError, ValueError):
        return None
    if isinstance(value, str) and value and len(value.encode()) <= INTERN_STRING_LEN \
            and value.isprintable() and value == value.strip():
        return value
    return None


def names(root=FIRMWARE):
    found = set()
    for path in _files(root):
        with open(path, "rb") as f:
            source = f.read()
        for tok in tokenize.tokenize(io.BytesIO(source).readline):
            if tok.type == tokenize.NAME and not keyword.iskeyword(tok.string):
                found.add(tok.string)
            elif tok.type == tokenize.STRING:
                value = _literal(tok.string)
                if value is not None:
                    found.add(value)
    return sorted(found)


def render(root=FIRMWARE):
    return "".join(n + "\n" for n in names(root))


if __name__ == "__main__":
    out = os.path.join(FIRMWARE, "lib", "uconform", "names.txt")
    with open(out, "w") as f:
        f.write(render())
    print("%s: %d names" % (out, len(names())), file=sys.stderr)
