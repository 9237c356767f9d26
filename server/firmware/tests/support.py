# Test helpers shared by the firmware tests (CPython unittest, or miniunit inside MicroPython).
import sys

for _p in ("lib", "../lib", "server/firmware/lib"):
    if _p not in sys.path:
        sys.path.append(_p)

if sys.implementation.name == "micropython":
    from tests import miniunit as unittest  # one predictable TestCase inside MicroPython VMs
else:
    import unittest

from uconform.limits import Limits
from uconform import parser, connection


def body_bytes(resp):
    """A response's whole body, read from its stream (files, long lists) when it has one."""
    if resp.stream is None:
        return resp.body
    out = b""
    while True:
        piece = resp.stream.read(100)
        if not piece:
            return out
        out += piece


def head(text, limits=None):
    return parser.parse_head(text.rstrip("\r\n").encode(), limits or Limits())


class FakeApp:
    """Just enough of App for the connection's framing decisions."""

    def find(self, method, path):
        return None, {}

    def sink_for(self, req):
        return MemorySink()


class MemorySink:
    """A body sink in RAM (the firmware's are files: body.py)."""

    def __init__(self):
        self.parts = []
        self.size = 0
        self.finished = self.discarded = False

    def write(self, data):
        self.parts.append(bytes(data))
        self.size += len(data)

    def finish(self):
        self.finished = True

    def discard(self):
        self.discarded = True

    def data(self):
        return b"".join(self.parts)


def requests_from(raw, limits=None):
    """Feeds raw bytes to a Connection and returns (requests, error or None)."""
    conn = connection.Connection(None, limits or Limits(), 0)
    conn.feed(raw, 0)
    found = []
    try:
        while True:
            req = conn.next_request(FakeApp())
            if req is None:
                return found, None
            found.append(req)
    except Exception as e:
        return found, e
