# UTF-8 validation (RFC 3629) in pieces: MicroPython's bytes.decode() does not reject overlong or
# surrogate sequences, so anything that must be valid UTF-8 is checked here.


class Utf8Check:
    """Feeds bytes in any split; ok is False from the first invalid byte on."""

    def __init__(self):
        self.need = 0          # continuation bytes still expected
        self.low = 0x80        # allowed range of the next continuation byte
        self.high = 0xBF
        self.ok = True

    def feed(self, data):
        if not self.ok:
            return False
        if not self.need and (not data or max(data) < 0x80):
            return True  # ASCII: max() runs in C, no Python loop over the bytes
        need, low, high = self.need, self.low, self.high
        for b in data:
            if need:
                if b < low or b > high:
                    self.ok = False
                    return False
                need -= 1
                low, high = 0x80, 0xBF
            elif b < 0x80:
                continue
            elif 0xC2 <= b <= 0xDF:
                need = 1
            elif 0xE0 <= b <= 0xEF:
                need = 2
                if b == 0xE0:
                    low = 0xA0
                elif b == 0xED:
                    high = 0x9F
            elif 0xF0 <= b <= 0xF4:
                need = 3
                if b == 0xF0:
                    low = 0x90
                elif b == 0xF4:
                    high = 0x8F
            else:
                self.ok = False
                return False
        self.need, self.low, self.high = need, low, high
        return True

    def complete(self):
        """True when everything fed so far is valid and no sequence is left open."""
        return self.ok and not self.need


def valid(data):
    check = Utf8Check()
    check.feed(data)
    return check.complete()
