# A long list answer (GET /gpio: 34 pins, ~1.9 KB) without a block of its whole size: each item
# is encoded when the connection sends it. Loaded on first use (response.data).
import json


class ListBody:
    """{"data": [...]} read in pieces; every item is also encoded once up front, for the Content-Length."""

    def __init__(self, items):
        self.items = items
        self.next = 0
        self.piece = b'{"data": ['
        self.length = len(self.piece) + 2 + 2 * (len(items) - 1)
        for item in items:
            self.length += len(json.dumps(item).encode())

    def read(self, n):
        out = b""
        while len(out) < n:
            if not self.piece:
                self.piece = self._encode(self.next)
                if not self.piece:
                    break
                self.next += 1
            take = n - len(out)
            out += self.piece[:take]
            self.piece = self.piece[take:]
        return out

    def _encode(self, i):
        if i < len(self.items):
            return ((", " if i else "") + json.dumps(self.items[i])).encode()
        return b"]}" if i == len(self.items) else b""

    def close(self):
        self.items = ()
