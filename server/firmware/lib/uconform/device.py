# What the routes need from the running device: configuration, machine, pins, clock.
from uconform import VERSION, config as configmod
from uconform.compat import ticks_ms, ticks_diff, mem_free

RESET_CAUSES = (("PWRON_RESET", "power_on"), ("HARD_RESET", "hard"), ("WDT_RESET", "watchdog"),
                ("DEEPSLEEP_RESET", "deep_sleep"), ("SOFT_RESET", "soft"))


class Device:
    def __init__(self, cfg, config_path, machine=None, bank=None, layout=None):
        self.config = cfg
        self.config_path = config_path
        self.machine = machine
        self.bank = bank
        self.layout = layout
        self.started = ticks_ms()
        self.version = VERSION
        self.limits = None  # set by startup before the app is built

    def uptime_ms(self):
        return ticks_diff(ticks_ms(), self.started)

    def reset_cause(self):
        m = self.machine
        if m is None or not hasattr(m, "reset_cause"):
            return "unknown"
        try:
            cause = m.reset_cause()
        except OSError:
            return "unknown"  # e.g. a host run whose virtual board is not reachable
        for attr, name in RESET_CAUSES:
            if getattr(m, attr, None) == cause:
                return name
        return "unknown"

    def system(self):
        return {
            "uptime_ms": self.uptime_ms(),
            "free_heap": mem_free(),
            "firmware": self.version,
            "board": self.layout.name if self.layout else self.config["device"].get("board"),
            "reset_cause": self.reset_cause(),
            "name": self.config["device"].get("name"),
        }

    def reset(self):
        if self.machine is None or not hasattr(self.machine, "reset"):
            raise RuntimeError("machine.reset is not available")
        self.machine.reset()

    def save_config(self, update):
        merged = _copy(self.config)
        configmod.merge(merged, update)
        configmod.validate(merged)
        configmod.save(self.config_path, merged)
        self.config = merged
        return configmod.masked(merged)


def _copy(cfg):
    out = {}
    for key in cfg:
        value = cfg[key]
        out[key] = dict(value) if isinstance(value, dict) else value
    return out
