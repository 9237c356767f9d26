# The board's `os` for code the virtual ESP32 runs on the MicroPython unix port: the built-in
# module (extended the way MicroPython's docs describe, "Extending built-in libraries from
# Python"), plus what an ESP32's os has and the unix port lacks or answers differently:
# os.uname() of the board, os.ilistdir() 4-tuples and os.stat() tuples as LittleFS gives them, and
# the mount that holds these stand-ins kept out of the root listing. CPython never loads this file
# (its os is imported before any path is searched).
import sys

_path = sys.path
sys.path = ()
try:
    from os import *
    import os as _os
finally:
    sys.path = _path

_HIDDEN = "/.uconform-hostrt"  # where the virtual ESP32's REPL mounts these stand-ins
_UNAME = ((_os.getenv("UCONFORM_UNAME") or "").split("|") + [""] * 5)[:5]


_FIELDS = ("sysname", "nodename", "release", "version", "machine")


class _Uname(tuple):
    def __getattr__(self, name):
        return self[_FIELDS.index(name)]

    def __repr__(self):
        return "(" + ", ".join("%s=%r" % (f, v) for f, v in zip(_FIELDS, self)) + ")"

    __str__ = __repr__  # MicroPython prints a tuple subclass through __str__


def uname():
    return _Uname(_UNAME)


def stat(path):
    st = _os.stat(path)
    kind = 0x4000 if st[0] & 0xF000 == 0x4000 else 0x8000
    return (kind, 0, 0, 0, 0, 0, st[6] if kind == 0x8000 else 0, st[8], st[8], st[8])


def _root(path):
    return path == "/" or (path in ("", ".") and _os.getcwd() == "/")


def ilistdir(path=""):
    hide = _HIDDEN[1:] if _root(path) else None
    base = path if path.endswith("/") or path == "" else path + "/"
    for entry in _os.ilistdir(path):
        name = entry[0]
        if name == hide:
            continue
        try:
            st = stat(base + name)
        except OSError:
            continue
        yield (name, st[0], 0, st[6])


def listdir(path=""):
    return [entry[0] for entry in ilistdir(path)]
