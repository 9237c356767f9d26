# Device entry point (runs after boot.py on a board; `micropython main.py` on the unix port).
import sys

if "lib" not in sys.path:
    sys.path.append("lib")

from uconform import startup

startup.run(".")
