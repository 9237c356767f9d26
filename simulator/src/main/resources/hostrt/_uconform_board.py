# The board's view for code that the virtual ESP32 runs under CPython (never imported under
# MicroPython, where the real VM and hostrt/os.py give the same view). It adds what MicroPython
# code and tools such as mpremote rely on: "/" is the board's filesystem, os.ilistdir, os.stat
# tuples as LittleFS gives them, os.uname() of the board, the time.ticks_* API, and tracebacks in
# MicroPython's form (OSError: [Errno 2] ENOENT). sys.implementation stays CPython's.
import builtins
import errno
import os
import sys
import time

# the errno names MicroPython prints (the unix port's errno.errorcode); others print as numbers
MICROPYTHON_ERRNO = {
    1: "EPERM", 2: "ENOENT", 5: "EIO", 9: "EBADF", 11: "EAGAIN", 12: "ENOMEM", 13: "EACCES",
    17: "EEXIST", 19: "ENODEV", 21: "EISDIR", 22: "EINVAL", 95: "EOPNOTSUPP", 98: "EADDRINUSE",
    103: "ECONNABORTED", 104: "ECONNRESET", 105: "ENOBUFS", 107: "ENOTCONN", 110: "ETIMEDOUT",
    111: "ECONNREFUSED", 113: "EHOSTUNREACH", 114: "EALREADY", 115: "EINPROGRESS",
}
S_IFDIR = 0x4000
S_IFREG = 0x8000
TICKS_PERIOD = 1 << 30  # ESP32: small ints are 31 bits, ticks wrap at 2**30
_boot_ns = time.monotonic_ns()


class _Uname(tuple):
    _fields = ("sysname", "nodename", "release", "version", "machine")

    def __getattr__(self, name):
        try:
            return self[self._fields.index(name)]
        except ValueError:
            raise AttributeError(name) from None

    def __repr__(self):
        return "(" + ", ".join("%s=%r" % (f, v) for f, v in zip(self._fields, self)) + ")"


class BoardFilesystem:
    """Board paths ("/main.py", "lib/x.py") onto the host directory that holds the board's files."""

    def __init__(self, root):
        self.root = os.path.realpath(root)

    def host(self, path):
        if path == "":
            return "."  # MicroPython's VFS takes "" for the current directory
        if isinstance(path, str) and path.startswith("/"):
            inside = os.path.normpath(path).lstrip("/")  # "/.." stays at the root, as on a board
            while inside.startswith("../") or inside == "..":
                inside = inside[3:]
            return os.path.join(self.root, inside) if inside not in ("", ".") else self.root
        return path

    def board(self, host_path):
        rel = os.path.relpath(host_path, self.root)
        if rel == ".":
            return "/"
        return host_path if rel.startswith("..") else "/" + rel


def install(root, uname):
    fs = BoardFilesystem(root)
    real = {name: getattr(os, name) for name in
            ("stat", "listdir", "mkdir", "rmdir", "remove", "unlink", "rename", "chdir", "getcwd", "statvfs")}
    real_open = builtins.open

    def board_open(file, *args, **kwargs):
        return real_open(fs.host(file), *args, **kwargs)

    def stat(path):
        return host_stat(fs.host(path))

    def host_stat(path):
        st = real["stat"](path)
        kind = S_IFDIR if st.st_mode & 0o170000 == 0o040000 else S_IFREG
        mtime = int(st.st_mtime)
        return os.stat_result((kind, 0, 0, 0, 0, 0, st.st_size if kind == S_IFREG else 0, mtime, mtime, mtime))

    def ilistdir(path="."):
        host = fs.host(path)
        for name in real["listdir"](host):
            try:
                st = host_stat(os.path.join(host, name))
            except OSError:
                continue
            yield (name, st[0], 0, st[6])

    def listdir(path="."):
        return real["listdir"](fs.host(path))

    def rename(old, new):
        return real["rename"](fs.host(old), fs.host(new))

    builtins.open = board_open
    os.stat = stat
    os.ilistdir = ilistdir
    os.listdir = listdir
    os.rename = rename
    for name in ("mkdir", "rmdir", "remove", "unlink", "chdir", "statvfs"):
        setattr(os, name, _on_board_path(real[name], fs))
    os.getcwd = lambda: fs.board(real["getcwd"]())
    fields = (uname.split("|") + [""] * 5)[:5]
    os.uname = lambda: _Uname(fields)
    _install_time()


def _on_board_path(fn, fs):
    def call(path, *args, **kwargs):
        return fn(fs.host(path), *args, **kwargs)
    return call


def _install_time():
    def ticks_ms():
        return (time.monotonic_ns() - _boot_ns) // 1000000 % TICKS_PERIOD

    def ticks_us():
        return (time.monotonic_ns() - _boot_ns) // 1000 % TICKS_PERIOD

    def ticks_add(ticks, delta):
        return (ticks + delta) % TICKS_PERIOD

    def ticks_diff(end, start):
        half = TICKS_PERIOD // 2
        return (end - start + half) % TICKS_PERIOD - half

    time.ticks_ms = ticks_ms
    time.ticks_us = ticks_us
    time.ticks_cpu = ticks_us
    time.ticks_add = ticks_add
    time.ticks_diff = ticks_diff
    time.sleep_ms = lambda ms: time.sleep(ms / 1000)
    time.sleep_us = lambda us: time.sleep(us / 1000000)


def exception_line(e):
    """The last line of a MicroPython traceback for e."""
    name = "OSError" if isinstance(e, OSError) else type(e).__name__
    if isinstance(e, OSError) and isinstance(e.errno, int):
        text = "[Errno %d] %s" % (e.errno, MICROPYTHON_ERRNO.get(e.errno, e.errno))
    elif len(e.args) == 1:
        text = str(e.args[0])
    elif e.args:
        text = str(e.args)
    else:
        text = ""
    return name + ": " + text


def print_exception(e, out, skip_frames=0):
    """A traceback as MicroPython prints one: frames without source lines, then the exception."""
    frames = []
    tb = e.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename != __file__:  # the board view's own wrappers are not the program's
            frames.append('  File "%s", line %d, in %s\n' % (code.co_filename, tb.tb_lineno, code.co_name))
        tb = tb.tb_next
    out.write("Traceback (most recent call last):\n")
    for line in frames[skip_frames:]:
        out.write(line)
    out.write(exception_line(e) + "\n")
