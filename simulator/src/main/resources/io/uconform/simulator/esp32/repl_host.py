# Host side of the virtual ESP32's MicroPython REPL. The Java device sends commands on stdin and
# relays everything this process writes on stdout to the serial link. 0x04 bytes mark ends:
#   X <n>\n<code>  raw exec:    <stdout> 04 <traceback> 04
#   I <n>\n<line>  friendly:    <output> 04 ('1' more input needed | '0' done)
#   C\n            drop a half-entered friendly statement
#   F <name>\n     run a file (boot.py, main.py) if present: <output> 04
import codeop
import os
import sys
import traceback

_fd = sys.stdout.fileno()


class _Uart:
    """Unbuffered writer: every print reaches the link at once, as on a UART."""

    encoding = "utf-8"

    def write(self, s):
        data = s.encode("utf-8", "replace") if isinstance(s, str) else bytes(s)
        while data:
            data = data[os.write(_fd, data):]
        return len(s)

    def flush(self):
        pass

    def isatty(self):
        return False


_uart = _Uart()
sys.stdout = _uart
sys.stderr = _uart
sys.path[:0] = [".", "lib"]
_globals = {"__name__": "__main__"}
_pending = []


def _mark(extra=""):
    _uart.write("\x04" + extra)


def _traceback_text():
    etype, value, tb = sys.exc_info()
    lines = traceback.format_exception(etype, value, tb.tb_next if tb else None)
    return "".join(lines)


# machine.reset() of the host runtime ends the interpreter with this status: the board reboots.
_RESET_EXIT_CODE = 75


def _exit_for_reset(e):
    if e.code == _RESET_EXIT_CODE:
        os._exit(_RESET_EXIT_CODE)  # the Java device sees the process end and reboots the board


def _run(code, filename):
    try:
        exec(compile(code, filename, "exec"), _globals)
        return ""
    except SystemExit as e:
        _exit_for_reset(e)
        return ""
    except BaseException:
        return _traceback_text()


def _raw(code):
    err = _run(code, "<stdin>")
    _mark()
    _uart.write(err)
    _mark()


def _friendly(line):
    _pending.append(line)
    source = "\n".join(_pending)
    try:
        compiled = codeop.compile_command(source, "<stdin>", "single")
    except (SyntaxError, OverflowError, ValueError):
        _pending.clear()
        _uart.write(_traceback_text())
        _mark("0")
        return
    if compiled is None:
        _mark("1")
        return
    _pending.clear()
    try:
        exec(compiled, _globals)
    except SystemExit as e:
        _exit_for_reset(e)
    except BaseException:
        _uart.write(_traceback_text())
    _mark("0")


def _file(name):
    if os.path.isfile(name):
        with open(name, "rb") as f:
            source = f.read()
        _uart.write(_run(source, name))
    _mark()


def _read_exact(n):
    data = b""
    while len(data) < n:
        chunk = sys.stdin.buffer.read(n - len(data))
        if not chunk:
            sys.exit(0)
        data += chunk
    return data


def main():
    _uart.write("\x06")  # ready: from now on SIGINT is a KeyboardInterrupt we handle
    while True:
        try:
            header = sys.stdin.buffer.readline()
            if not header:
                return
            parts = header.decode("ascii").split()
            if not parts:
                continue
            op = parts[0]
            if op == "X":
                _raw(_read_exact(int(parts[1])))
            elif op == "I":
                _friendly(_read_exact(int(parts[1])).decode("utf-8", "replace"))
            elif op == "C":
                _pending.clear()
            elif op == "F":
                _file(parts[1])
        except KeyboardInterrupt:
            # An interrupt that landed between commands: nothing was running, nothing to report.
            continue


main()
