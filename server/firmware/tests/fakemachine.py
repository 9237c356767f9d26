# An in-memory `machine` for unit tests of the board API (no bridge, no hardware).


class FakeMachine:
    PWRON_RESET = 1
    SOFT_RESET = 5

    def __init__(self):
        self.levels = {}
        self.resets = 0
        machine = self

        class Pin:
            IN = 1
            OUT = 3
            PULL_UP = 2
            PULL_DOWN = 1

            def __init__(self, n, mode=-1, pull=-1, value=None):
                self.n = n
                if value is not None:
                    machine.levels[n] = value
                if pull == Pin.PULL_UP and n not in machine.levels:
                    machine.levels[n] = 1

            def value(self, x=None):
                if x is None:
                    return machine.levels.get(self.n, 0)
                machine.levels[self.n] = x

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
                self.n = pin.n
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

        self.Pin = Pin
        self.ADC = ADC
        self.PWM = PWM

    def reset_cause(self):
        return self.PWRON_RESET

    def reset(self):
        self.resets += 1
