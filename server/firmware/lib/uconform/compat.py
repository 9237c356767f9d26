# One place for what differs between MicroPython and CPython.
import time
import sys

IS_MICROPYTHON = sys.implementation.name == "micropython"

try:
    ticks_ms = time.ticks_ms
    ticks_diff = time.ticks_diff
    sleep_ms = time.sleep_ms
except AttributeError:
    _T0 = time.monotonic()

    def ticks_ms():
        return int((time.monotonic() - _T0) * 1000)

    def ticks_diff(a, b):
        return a - b

    def sleep_ms(ms):
        time.sleep(ms / 1000)


def mem_free():
    """Free heap in bytes, or None where the interpreter cannot tell (CPython)."""
    try:
        import gc
        return gc.mem_free()
    except AttributeError:
        return None


def collect():
    try:
        import gc
        gc.collect()
    except Exception:
        pass


def errno_of(exc):
    """The errno of an OSError on both MicroPython (args[0]) and CPython."""
    code = getattr(exc, "errno", None)
    if code is None and exc.args:
        code = exc.args[0]
    return code


def b64decode(text):
    import binascii
    return binascii.a2b_base64(text)


def start_thread(fn, args=()):
    import _thread
    _thread.start_new_thread(fn, args)


def allocate_lock():
    import _thread
    return _thread.allocate_lock()


def interpreter():
    impl = sys.implementation
    ver = ".".join(str(v) for v in impl.version[:3])
    return impl.name + " " + ver
