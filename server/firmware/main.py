# Device entry point (runs after boot.py on a board; `micropython main.py` on the unix port).
import sys

# On a 64-bit port the firmware's names are interned first, while the heap is empty: hasattr()
# makes a qstr of its argument, so the qstr table's doubling steps (the 640-entry one is ~7 KB in
# one piece there) happen now and not later in a fragmented heap, where 128K did not boot.
# On a 32-bit port (an ESP32) the table's steps are small and interning early costs contiguous
# room instead (measured: 4 KB heads got 503 at 128K), so names are interned as code is compiled.
if sys.maxsize > 0x7FFFFFFF:
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
