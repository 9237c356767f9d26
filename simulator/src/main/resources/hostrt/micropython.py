# Stand-in `micropython` for code the virtual ESP32 runs under CPython (MicroPython's own built-in
# module always wins over this file). Only what libraries commonly call; the interpreter stays CPython.
import signal


def const(expr):
    return expr


def opt_level(level=None):
    return 0 if level is None else None


def alloc_emergency_exception_buf(size):
    pass


def kbd_intr(chr):
    """-1: Ctrl-C reaches the program as a byte and no longer interrupts it; 3: interrupts again."""
    signal.signal(signal.SIGINT, signal.SIG_IGN if chr == -1 else signal.default_int_handler)


def schedule(func, arg):
    """Runs func(arg) at once: CPython has no hard interrupts to defer it from."""
    func(arg)
