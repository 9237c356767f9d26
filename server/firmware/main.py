# Device entry point (runs after boot.py on a board; `micropython main.py` on the unix port).
import sys

# On a 64-bit port with a small heap the firmware's names are interned first, while the heap is
# empty: hasattr() makes a qstr of its argument, so the qstr table's doubling steps (the 640-entry
# one is ~7 KB in one piece there) happen now, not later in a fragmented heap where they failed
# (measured on the unix port: 128K fell into recovery). Everywhere else interning early costs more
# contiguous room than it saves (4 KB heads got 503 at 192K on 64-bit, 2 KB heads at 128K on
# 32-bit), so there names are interned as the code is compiled. See README "Memory".
# Also when the host stand-ins are frozen into the interpreter: since the interning no longer cuts
# the heap up (the hole below), 64-bit 128K frozen passed 230 and 228 of 305 checks with it, 171
# without (before that fix the other way round: 68 with it; see README "Measured").
import gc


def _intern(path):
    """Interns every name of `path` so that the qstr chunks lie together. Each name read is a new
    string; were it placed right after the chunk being filled, that chunk could not grow in place
    and the next one would start further on: 128-byte chunks every ~1.5 KB over the whole heap
    (measured, 64-bit 128K: the largest free block 7 KB of 108 KB free). So the strings read go to
    a hole left at the bottom (collected every few names) while the chunks grow above it."""
    hole = bytearray(4096)
    hasattr(sys, "uconform")  # the first chunk, above the hole
    del hole
    gc.collect()
    n = 0
    with open(path) as f:
        for name in f:
            hasattr(sys, name.rstrip())
            n += 1
            if n % 24 == 0:
                gc.collect()  # the strings read so far are garbage: the hole is free again
    gc.collect()


if hasattr(gc, "mem_free") and sys.maxsize > 0x7FFFFFFF and gc.mem_free() + gc.mem_alloc() < 144 * 1024:
    try:
        _intern("lib/uconform/names.txt")
    except OSError:
        pass  # a device without the list still boots, only with less room
del _intern

if "lib" not in sys.path:
    sys.path.append("lib")

from uconform import startup

startup.run(".")
