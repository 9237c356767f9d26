# Stand-in `machine` for host runs: Pin, ADC, PWM, reset and friends backed by the virtual board.
import sys
import _uconform_bridge as _bridge

PWRON_RESET = 1
HARD_RESET = 2
WDT_RESET = 3
DEEPSLEEP_RESET = 4
SOFT_RESET = 5
RESET_EXIT_CODE = 75  # the host target restarts the interpreter on this exit status

_CAUSES = {"power_on": PWRON_RESET, "hard": HARD_RESET, "watchdog": WDT_RESET,
           "deep_sleep": DEEPSLEEP_RESET, "soft": SOFT_RESET}


class Pin:
    IN = 1
    OUT = 3
    OPEN_DRAIN = 7
    PULL_UP = 2
    PULL_DOWN = 1
    IRQ_RISING = 1
    IRQ_FALLING = 2

    def __init__(self, id, mode=-1, pull=-1, value=None):
        self.id = id
        _bridge.call("pin.get", pin=id)
        if mode != -1 or pull != -1 or value is not None:
            self.init(mode, pull, value)

    def init(self, mode=-1, pull=-1, value=None):
        names = {Pin.IN: "in", Pin.OUT: "out", Pin.OPEN_DRAIN: "out"}
        pulls = {Pin.PULL_UP: "up", Pin.PULL_DOWN: "down", None: "none"}
        args = {"pin": self.id}
        if mode != -1:
            args["mode"] = names.get(mode, "in")
        if pull != -1:
            args["pull"] = pulls.get(pull, "none")
        if value is not None:
            args["value"] = 1 if value else 0
        _bridge.call("pin.init", **args)

    def value(self, x=None):
        if x is None:
            return _bridge.call("pin.read", pin=self.id)
        _bridge.call("pin.write", pin=self.id, value=1 if x else 0)
        return None

    def __call__(self, x=None):
        return self.value(x)

    def on(self):
        self.value(1)

    def off(self):
        self.value(0)

    def irq(self, handler=None, trigger=IRQ_RISING | IRQ_FALLING):
        edge = {Pin.IRQ_RISING: "rising", Pin.IRQ_FALLING: "falling"}.get(trigger, "both")
        pin = self
        _bridge.call("pin.irq", pin=self.id, edge=edge if handler else "none")
        if handler is not None:
            _bridge.on_edge(self.id, lambda n, v: handler(pin))


class ADC:
    ATTN_0DB = 0
    ATTN_2_5DB = 1
    ATTN_6DB = 2
    ATTN_11DB = 3
    WIDTH_12BIT = 3

    def __init__(self, pin, atten=None):
        self.id = pin.id if isinstance(pin, Pin) else pin
        _bridge.call("adc.init", pin=self.id)
        self._atten = ADC.ATTN_0DB if atten is None else atten

    def atten(self, value):
        self._atten = value

    def width(self, value):
        pass

    def read(self):
        return _bridge.call("adc.read", pin=self.id)["raw"]

    def read_u16(self):
        return self.read() << 4

    def read_uv(self):
        return _bridge.call("adc.read", pin=self.id)["mv"] * 1000


class PWM:
    def __init__(self, pin, freq=None, duty=None):
        self.id = pin.id if isinstance(pin, Pin) else pin
        self._freq = freq or 5000
        self._duty = 512 if duty is None else duty
        self._apply()

    def _apply(self):
        _bridge.call("pwm.set", pin=self.id, freq=self._freq, duty=self._duty)

    def freq(self, value=None):
        if value is None:
            return self._freq
        self._freq = value
        self._apply()

    def duty(self, value=None):
        if value is None:
            return self._duty
        self._duty = value
        self._apply()

    def duty_u16(self, value=None):
        if value is None:
            return self._duty << 6
        self.duty(value >> 6)

    def deinit(self):
        _bridge.call("pin.init", pin=self.id, mode="in")


def reset():
    """Reboots the way a board does: the virtual board records a soft reset, the interpreter ends."""
    _bridge.call("reset", cause="soft")
    sys.exit(RESET_EXIT_CODE)


def soft_reset():
    reset()


def reset_cause():
    return _CAUSES.get(_bridge.call("board.reset_cause"), PWRON_RESET)


def unique_id():
    return bytes.fromhex(_bridge.call("board.id"))


def freq(hz=None):
    return 240000000


def idle():
    pass
