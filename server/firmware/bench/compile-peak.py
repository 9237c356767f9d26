# The heap each firmware module needs for a moment to be compiled from source, on MicroPython
# (the unix port's micropython.mem_peak(); the peak grows with module size, so no module is large).
#   micropython -X heapsize=2M server/firmware/bench/compile-peak.py <folder> [<module file>]
# Prints "<peak bytes> <source bytes> <file>", largest first. mem_peak() never goes down, so a
# module whose peak is under an earlier one's would not show: compile-peaks.sh runs one module
# per fresh interpreter.
import gc
import os
import sys
import micropython

folder = sys.argv[1] if len(sys.argv) > 1 else "server/firmware/lib/uconform"
if not hasattr(micropython, "mem_peak"):
    print("compile-peak: this MicroPython has no micropython.mem_peak (MICROPY_MEM_STATS off)")
    sys.exit(2)
rows = []
only = sys.argv[2] if len(sys.argv) > 2 else None
for name in sorted(os.listdir(folder)):
    if not name.endswith(".py") or (only is not None and name != only):
        continue
    with open(folder + "/" + name) as f:
        source = f.read()
    gc.collect()
    base = micropython.mem_current()
    compile(source, name, "exec")
    rows.append((micropython.mem_peak() - base - len(source), len(source), name))
for peak, size, name in sorted(rows, reverse=True):
    print(peak, size, name)
