# Host side of the virtual ESP32's MicroPython REPL, run by the MicroPython unix port or CPython in
# the board's filesystem directory. The Java REPL sends commands over a loopback connection this
# driver opens to UCONFORM_REPL_CHANNEL; stdin is what the UART receives while a program runs;
# everything this process writes on stdout goes to the serial link, except marks: UCONFORM_REPL_MARK (random per boot)
# followed by one tag byte, which the Java side takes out of the stream:
#   v<identity>, r     who runs the code, then ready (Ctrl-C may now be sent as SIGINT)
#   b                  a command was read in full and runs now
#   k                  end of a section (raw: stdout, then error text; friendly and file: all)
#   x                  the code raised an exception (its traceback was printed)
#   s                  the code raised SystemExit: the board soft-resets after the section ends
# Commands:  X <n>\n<code>  raw exec: <stdout> k <traceback> k
#            I <n>\n<stmt>  one friendly-REPL statement (expression values echoed): <output> k
#            P <n>\n<code>  code from the friendly REPL's paste mode: <output> k
#            F <name>\n     run a file (boot.py, main.py) if present: <output> k
import sys
import os
import socket

MICROPYTHON = sys.implementation.name == "micropython"
MARK = os.getenv("UCONFORM_REPL_MARK") or ""
HOSTRT = os.getenv("UCONFORM_HOSTRT") or ""
HOSTRT_MOUNT = "/.uconform-hostrt"  # hostrt/os.py keeps it out of the root listing
RESET_EXIT_CODE = 75  # machine.reset() of the host runtime: the process ends, the board reboots
DRIVER = __file__

if not MICROPYTHON:
    import signal

    # CPython installs its KeyboardInterrupt handler only when SIGINT was not ignored at start; a
    # parent that ignores it (a shell's background job without job control) would leave the
    # board's Ctrl-C without effect.
    signal.signal(signal.SIGINT, signal.default_int_handler)

if MICROPYTHON:
    import io

    # the board's filesystem at "/", as LittleFS is on an ESP32; the stand-ins beside it
    _fs = os.getcwd()
    os.umount("/")
    os.mount(os.VfsPosix(_fs), "/")
    os.mount(os.VfsPosix(HOSTRT), HOSTRT_MOUNT)
    os.chdir("/")
    sys.path[:] = ["", ".frozen", "/lib", HOSTRT_MOUNT]
    _out = sys.stdout

    def _print_exception(e):
        text = io.StringIO()
        sys.print_exception(e, text)
        for line in text.getvalue().split("\n"):
            if line and not line.startswith('  File "' + DRIVER + '"'):
                _out.write(line + "\n")

else:
    import _uconform_board

    _fs = os.getcwd()
    _uconform_board.install(_fs, os.getenv("UCONFORM_UNAME") or "")
    sys.path[:] = ["", os.path.join(_fs, "lib"), HOSTRT] + [p for p in sys.path[1:] if p != HOSTRT]
    _fd = sys.stdout.fileno()

    class _Uart:
        """Unbuffered writer: every print reaches the link at once, as on a UART."""

        encoding = "utf-8"

        def __init__(self):
            self.buffer = self

        def write(self, s):
            data = s.encode("utf-8", "replace") if isinstance(s, str) else bytes(s)
            while data:
                data = data[os.write(_fd, data):]
            return len(s)

        def flush(self):
            pass

        def isatty(self):
            return False

    _out = _Uart()
    sys.stdout = _out
    sys.stderr = _out

    def _print_exception(e):
        _uconform_board.print_exception(e, _out, skip_frames=1)

_globals = {"__name__": "__main__"}


class _Channel:
    """The command connection; an interrupt while waiting for a command loses nothing received."""

    def __init__(self, address):
        host, port = address.rsplit(":", 1)
        self.sock = socket.socket()
        self.sock.connect(socket.getaddrinfo(host, int(port))[0][-1])
        self.buf = b""

    def _fill(self):
        chunk = self.sock.recv(4096)
        if not chunk:
            raise EOFError()
        self.buf += chunk

    def line(self):
        while b"\n" not in self.buf:
            self._fill()
        i = self.buf.index(b"\n") + 1
        line, self.buf = self.buf[:i], self.buf[i:]
        return line

    def read(self, n):
        while len(self.buf) < n:
            self._fill()
        data, self.buf = self.buf[:n], self.buf[n:]
        return data


_channel = _Channel(os.getenv("UCONFORM_REPL_CHANNEL") or "")


def _read_line():
    return _channel.line()


def _read(n):
    return _channel.read(n)


def _mark(tag):
    _out.write(MARK + tag)


def _execute(code, filename, mode):
    """Runs the code: (asked for a soft reset, the exception to report or None)."""
    try:
        exec(compile(code, filename, mode), _globals)
    except SystemExit as e:
        if e.args and e.args[0] == RESET_EXIT_CODE:
            raise
        return True, None
    except BaseException as e:
        return False, e
    return False, None


def _emit(steps):
    """Marks and tracebacks, in order, even when a late Ctrl-C lands while they are written."""
    i = 0
    while i < len(steps):
        try:
            step = steps[i]
            if isinstance(step, str):
                if step:
                    _mark(step)
            elif step is not None:
                _print_exception(step)
            i += 1
        except KeyboardInterrupt:
            pass


def _command(header):
    parts = header.split()
    if not parts:
        return
    op = parts[0]
    if op == b"X":
        code = _read(int(parts[1]))
        _emit(["b"])
        forced, error = _execute(code, "<stdin>", "exec")
        _emit(["k", error, "s" if forced else "", "k"])
    elif op == b"I" or op == b"P":
        code = _read(int(parts[1]))
        _emit(["b"])
        forced, error = _execute(code, "<stdin>", "single" if op == b"I" else "exec")
        _emit([error, "s" if forced else "", "k"])
    elif op == b"F":
        name = parts[1].decode()
        _emit(["b"])
        source = None
        try:
            with open(name, "rb") as f:
                source = f.read()
        except OSError:
            pass
        forced, error = (False, None) if source is None else _execute(source, name, "exec")
        _emit([error, "x" if error is not None else "", "s" if forced else "", "k"])


def _identity():
    """e.g. "micropython 1.29.0-preview.731.g1c3c201149" or "cpython 3.11.7"."""
    version = sys.version.split("; ")[-1] if MICROPYTHON else sys.version
    version = version.replace("MicroPython v", "").split(" ")[0]
    return sys.implementation.name + " " + version


def main():
    _mark("v")
    _out.write(_identity())
    _mark("r")
    while True:
        try:
            header = _read_line()
            _command(header)
        except EOFError:
            return  # the board is switched off
        except KeyboardInterrupt:
            # an interrupt that landed between commands: nothing was running, nothing to report
            continue
        except SystemExit:
            if not MICROPYTHON:
                os._exit(RESET_EXIT_CODE)  # threads the code started must not keep the board "running"
            raise


main()
