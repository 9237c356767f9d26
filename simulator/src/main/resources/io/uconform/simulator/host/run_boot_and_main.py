# Runs boot.py, then main.py, in one namespace, as a board does after a reset (uconform sim --app).
import sys

if "" not in sys.path:
    sys.path.insert(0, "")
_board_globals = {"__name__": "__main__"}
for _name in ("boot.py", "main.py"):
    try:
        _file = open(_name)
    except OSError:
        continue
    with _file:
        _source = _file.read()
    exec(compile(_source, _name, "exec"), _board_globals)
