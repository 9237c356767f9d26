# A minimal stand-in machine module for the bench runs without the harness (no virtual board):
# pins keep their levels in a dict. The harness runs use simulator/src/main/resources/hostrt instead.
PWRON_RESET = 1
SOFT_RESET = 5
_levels = {}
class Pin:
    IN = 1
    OUT = 3
    PULL_UP = 2
    PULL_DOWN = 1
    IRQ_FALLING = 1
    IRQ_RISING = 2
    def __init__(self, n, mode=-1, pull=-1, value=None):
        self.n = n
        if value is not None:
            _levels[n] = value
    def value(self, x=None):
        if x is None:
            return _levels.get(self.n, 0)
        _levels[self.n] = x
class ADC:
    ATTN_11DB = 3
    def __init__(self, pin):
        self.n = pin.n
    def atten(self, a):
        pass
    def read(self):
        return 2048
class PWM:
    def __init__(self, pin):
        self.f = 0
        self.d = 0
    def freq(self, f=None):
        if f is None:
            return self.f
        self.f = f
    def duty(self, d=None):
        if d is None:
            return self.d
        self.d = d
    def deinit(self):
        pass
def reset_cause():
    return PWRON_RESET
def reset():
    raise SystemExit(75)
