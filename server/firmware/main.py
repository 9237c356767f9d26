# Device entry point (runs after boot.py on a board; `micropython main.py` on the unix port).
import sys

# On a 64-bit port with a small heap the firmware's names are interned first, while the heap is
# empty: hasattr() makes a qstr of its argument, so the qstr table's doubling steps (the 640-entry
# one is ~7 KB in one piece there) happen now, not later in a fragmented heap where they failed
# (measured on the unix port: 128K fell into recovery). Everywhere else interning early costs more
# contiguous room than it saves (4 KB heads got 503 at 192K on 64-bit, 2 KB heads at 128K on
# 32-bit), so there names are interned as the code is compiled. See README "Memory".
# Not when the host stand-ins are frozen into the interpreter (as a board's C modules are in its
# ROM): their names are then in the ROM qstr pool, and interning early only cost room (measured:
# frozen, 64-bit 128K: 68 of 305 checks passed with it, see README "Memory").
import gc


def _standins_frozen():
    try:
        import _uconform_bridge  # the host runtime's; imported by machine right after anyway
    except ImportError:
        return False  # a board: machine is C, the firmware's own names still cost heap
    return "/" not in getattr(_uconform_bridge, "__file__", "/")


if hasattr(gc, "mem_free") and sys.maxsize > 0x7FFFFFFF and gc.mem_free() + gc.mem_alloc() < 144 * 1024 \
        and not _standins_frozen():
    try:
        with open("lib/uconform/names.txt") as _f:
            for _name in _f:
                hasattr(sys, _name.rstrip())
        del _f, _name
    except OSError:
        pass  # a device without the list still boots, only with less room

if "lib" not in sys.path:
    sys.path.append("lib")

from uconform import startup

startup.run(".")
