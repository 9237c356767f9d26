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


def head(text, limits=None):
    return parser.parse_head(text.rstrip("\r\n").encode(), limits or Limits())


class FakeApp:
    """Just enough of App for the connection's framing decisions."""

    def find(self, method, path):
        return None, {}


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
