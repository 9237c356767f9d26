# The board's pins on machine.Pin/ADC/PWM, with the mode/pull the firmware configured.
from uconform.errors import HttpError

MODES = ("in", "out", "pwm", "adc")
PULLS = ("up", "down", "none")


class PinBank:
    def __init__(self, machine, layout):
        self.machine = machine
        self.layout = layout
        self.state = {}   # pin -> {"mode", "pull"}
        self.objects = {}  # pin -> machine.Pin / ADC / PWM
        self.listeners = []  # callables(pin, value) on writes made through the bank

    def check(self, n):
        if n not in self.layout.pins:
            raise HttpError(404, "no pin " + str(n) + " on " + self.layout.name)

    def read(self, n):
        self.check(n)
        st = self.state.get(n) or {"mode": "in", "pull": "none"}
        mode = st["mode"]
        if mode == "pwm":
            value = self._pwm_duty(self.objects[n])
        elif mode == "adc":
            value = self._adc_raw(self.objects[n])
        else:
            value = self._pin(n).value()
        return {"pin": n, "mode": mode, "value": value, "pull": st["pull"]}

    def all(self):
        return [self.read(n) for n in self.layout.pins]

    def configure(self, n, mode=None, value=None, pull=None):
        self.check(n)
        st = self.state.get(n) or {"mode": "in", "pull": "none"}
        mode = mode or st["mode"]
        pull = pull or st["pull"]
        if mode not in MODES:
            raise HttpError(400, "mode must be one of " + ", ".join(MODES))
        if pull not in PULLS:
            raise HttpError(400, "pull must be one of " + ", ".join(PULLS))
        if value is not None and value not in (0, 1):
            raise HttpError(400, "value must be 0 or 1")
        if n in self.layout.input_only and (mode in ("out", "pwm") or value is not None):
            raise HttpError(409, "pin " + str(n) + " is input-only")
        if mode == "adc" and n not in self.layout.adc:
            raise HttpError(409, "pin " + str(n) + " has no ADC")
        if mode == "out" and value is None:
            value = self._pin(n).value() if st["mode"] == "out" else 0
        if value is not None and mode == "in":
            raise HttpError(409, "cannot write pin " + str(n) + " in mode in")
        self._apply(n, mode, pull, value)
        return self.read(n)

    def write(self, n, value):
        st = self.state.get(n)
        if st is None or st["mode"] != "out":
            self._apply(n, "out", "none", value)
        else:
            self.objects[n].value(value)
        for listener in self.listeners:
            listener(n, value)
        return value

    def adc(self, n):
        self.check(n)
        if n not in self.layout.adc:
            raise HttpError(409, "pin " + str(n) + " has no ADC")
        if (self.state.get(n) or {}).get("mode") != "adc":
            self._apply(n, "adc", "none", None)
        raw = self._adc_raw(self.objects[n])
        return {"raw": raw, "mv": raw * 3300 // 4095}

    def pwm(self, n, freq, duty):
        self.check(n)
        if n in self.layout.input_only:
            raise HttpError(409, "pin " + str(n) + " is input-only")
        if not isinstance(freq, int) or freq < 1 or freq > 40000000:
            raise HttpError(400, "freq must be an integer 1..40000000")
        if not isinstance(duty, int) or duty < 0 or duty > 1023:
            raise HttpError(400, "duty must be an integer 0..1023")
        m = self.machine
        pwm = self.objects.get(n) if (self.state.get(n) or {}).get("mode") == "pwm" else None
        if pwm is None:
            pwm = m.PWM(m.Pin(n, m.Pin.OUT))
        pwm.freq(freq)
        if hasattr(pwm, "duty"):
            pwm.duty(duty)
        else:
            pwm.duty_u16(duty * 64)
        self.objects[n] = pwm
        self.state[n] = {"mode": "pwm", "pull": "none"}
        return {"pin": n, "freq": freq, "duty": self._pwm_duty(pwm)}

    def _pin(self, n):
        obj = self.objects.get(n)
        if obj is None or (self.state.get(n) or {}).get("mode") in ("pwm", "adc"):
            obj = self.machine.Pin(n)
        return obj

    def _apply(self, n, mode, pull, value):
        m = self.machine
        old = self.objects.get(n)
        if old is not None and hasattr(old, "deinit") and (self.state.get(n) or {}).get("mode") == "pwm":
            old.deinit()
        pulls = {"up": m.Pin.PULL_UP, "down": m.Pin.PULL_DOWN, "none": None}
        if mode == "adc":
            obj = m.ADC(m.Pin(n))
            if hasattr(obj, "atten") and hasattr(m.ADC, "ATTN_11DB"):
                obj.atten(m.ADC.ATTN_11DB)
        elif mode == "out":
            obj = m.Pin(n, m.Pin.OUT, pulls[pull])
            obj.value(value)
        elif mode == "in":
            obj = m.Pin(n, m.Pin.IN, pulls[pull])
        else:
            obj = m.PWM(m.Pin(n, m.Pin.OUT))
        self.objects[n] = obj
        self.state[n] = {"mode": mode, "pull": pull}

    def _adc_raw(self, adc):
        if hasattr(adc, "read"):
            return adc.read()
        return adc.read_u16() >> 4

    def _pwm_duty(self, pwm):
        if hasattr(pwm, "duty"):
            return pwm.duty()
        return pwm.duty_u16() >> 6
