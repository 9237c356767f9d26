# Host side of the virtual ESP32's MicroPython REPL, run by the MicroPython unix port or CPython in
# the board's filesystem directory. The Java REPL sends commands over a loopback connection this
# driver opens to UCONFORM_REPL_CHANNEL; stdin is what the UART receives while a program runs;
# everything this process writes on stdout goes to the serial link, except marks: UCONFORM_REPL_MARK (random per boot)
# followed by one tag byte, which the Java side takes out of the stream:
#   v<identity>, r     who runs the code, then ready (Ctrl-C may now be sent as SIGINT)
#   b                  a command was read in full and runs now (Ctrl-C may be sent from here)
#   e                  its code has ended: the Java side sends no SIGINT after it and answers
#                      "A\n" on the channel once every SIGINT it sent has been delivered
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
    """The command connection: no byte leaves the buffer until the whole command is taken at once."""

    def __init__(self, address):
        host, port = address.rsplit(":", 1)
        self.sock = socket.socket()
        self.sock.connect(socket.getaddrinfo(host, int(port))[0][-1])
        self.buf = b""

    def _fill(self):
        before = len(self.buf)
        self.buf += self.sock.recv(4096)
        if len(self.buf) == before:
            raise EOFError()

    def take(self):
        """The next command whole: (header fields, body)."""
        while True:
            end = self.buf.find(b"\n")
            if end >= 0:
                parts = self.buf[:end].split()
                size = int(parts[1]) if parts and parts[0] in (b"X", b"I", b"P") else 0
                if len(self.buf) > end + size:
                    command = (parts, self.buf[end + 1:end + 1 + size])
                    self.buf = self.buf[end + 1 + size:]
                    return command
            self._fill()

    def take_acknowledgement(self):
        """Waits for "A\n", the answer to mark e. A SIGINT sent before it may still be delivered as a
        recv returns (the kernel hands over data that is there rather than fail the call), and its
        KeyboardInterrupt would drop what the recv took: so the answer is only peeked at first. The
        return from that peek delivers any such signal, and nothing is sent after the answer."""
        while len(self.sock.recv(2, _MSG_PEEK)) < 2:
            pass  # "A" and "\n" go out in one write: at most a moment apart
        if self.sock.recv(2) != b"A\n":
            raise EOFError()  # not the driver's protocol: the board is switched off


_MSG_PEEK = getattr(socket, "MSG_PEEK", 2)  # Linux's value; MicroPython's socket may not name it
_channel = _Channel(os.getenv("UCONFORM_REPL_CHANNEL") or "")


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


def _run(parts, body):
    """One command's code, run: (asked for a soft reset, the exception to report or None)."""
    if parts[0] != b"F":
        return _execute(body, "<stdin>", "single" if parts[0] == b"I" else "exec")
    source = None
    try:
        with open(parts[1].decode(), "rb") as f:
            source = f.read()
    except OSError:
        pass
    return (False, None) if source is None else _execute(source, parts[1].decode(), "exec")


def _ending(op, forced, error):
    """The marks (and the traceback to print) that end a section, in order."""
    if op == b"X":
        return ["k", error, "s" if forced else "", "k"]
    return [error, "x" if error is not None and op == b"F" else "", "s" if forced else "", "k"]


class _Section:
    """Where the driver is in the current command. A Ctrl-C reaches the driver as SIGINT, and the
    unix port raises its KeyboardInterrupt at whatever instruction runs (MICROPY_ASYNC_KBD_INTR),
    even inside a recv that has already taken bytes. So: no SIGINT comes before mark b or after the
    acknowledgement of mark e, nothing is read from the channel between them but that
    acknowledgement, and each step below is recorded after it is done. An interrupt that lands
    outside the code sends the driver back here, and it goes on where it was: the command runs at
    most once and its section ends with every mark (the REPL waits for them)."""

    def __init__(self):
        self.command = None
        self.phase = 0
        self.outcome = None
        self.written = 0

    def advance(self):
        if self.command is None:
            self.command = _channel.take()
            self.phase = 0
            self.outcome = None
            self.written = 0
        parts, body = self.command
        if not parts or parts[0] not in (b"X", b"I", b"P", b"F"):
            self.command = None
            return
        if self.phase == 0:
            self.phase = 1
            _mark("b")
            self.outcome = _run(parts, body)
        if self.phase == 1:
            if self.outcome is None:
                self.outcome = (False, KeyboardInterrupt())  # it landed just before or after the code
            _mark("e")
            self.phase = 2  # an interrupt before this line repeats mark e, which the REPL ignores
        if self.phase == 2:
            _channel.take_acknowledgement()
            self.phase = 3
        steps = _ending(parts[0], *self.outcome)
        while self.written < len(steps):
            step = steps[self.written]
            if isinstance(step, str):
                if step:
                    _mark(step)
            elif step is not None:
                _print_exception(step)
            self.written += 1
        self.command = None


def _identity():
    """e.g. "micropython 1.29.0-preview.731.g1c3c201149" or "cpython 3.11.7"."""
    version = sys.version.split("; ")[-1] if MICROPYTHON else sys.version
    version = version.replace("MicroPython v", "").split(" ")[0]
    return sys.implementation.name + " " + version


def main():
    _mark("v")
    _out.write(_identity())
    _mark("r")
    section = _Section()
    while True:
        try:
            section.advance()
        except EOFError:
            return  # the board is switched off
        except KeyboardInterrupt:
            continue  # it landed outside the code: the section goes on where it was
        except SystemExit:
            if not MICROPYTHON:
                os._exit(RESET_EXIT_CODE)  # threads the code started must not keep the board "running"
            raise


main()
