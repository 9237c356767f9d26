# One place for what differs between MicroPython and CPython.
import time
import sys

IS_MICROPYTHON = sys.implementation.name == "micropython"

try:
    ticks_ms = time.ticks_ms
    ticks_diff = time.ticks_diff
    sleep_ms = time.sleep_ms
except AttributeError:
    _T0 = time.monotonic()  # CPython only

    def ticks_ms():
        return int((time.monotonic() - _T0) * 1000)  # CPython only

    def ticks_diff(a, b):
        return a - b

    def sleep_ms(ms):
        time.sleep(ms / 1000)


# CPython has no fixed heap: free heap is a device-sized budget minus what tracemalloc sees the
# interpreter holding, so that leaks show up in /system exactly as on a board.
CPYTHON_HEAP_BUDGET = 8 * 1024 * 1024


def start_heap_accounting():
    if not IS_MICROPYTHON:
        import tracemalloc  # CPython only
        if not tracemalloc.is_tracing():
            tracemalloc.start()


def mem_free():
    """Free heap in bytes; None when it cannot be measured."""
    import gc
    if hasattr(gc, "mem_free"):
        gc.collect()  # what is really free, not what the last collection left
        return gc.mem_free()
    try:
        import tracemalloc  # CPython only
    except ImportError:
        return None
    if not tracemalloc.is_tracing():
        return None
    gc.collect()
    return max(0, CPYTHON_HEAP_BUDGET - tracemalloc.get_traced_memory()[0])


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
