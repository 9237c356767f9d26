# Device entry point (runs after boot.py on a board; `micropython main.py` on the unix port).
import sys

# The firmware's names are interned first, while the heap is empty: hasattr() makes a qstr of its
# argument, so the qstr table grows now, in one piece, and not later in a fragmented heap.
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
