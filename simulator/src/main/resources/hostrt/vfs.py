# Stand-in `vfs` for code the virtual ESP32 runs under CPython (MicroPython's built-in module wins
# over this file): the mount table of a board with one filesystem at "/". Mounting others needs
# MicroPython's VFS layer, which CPython has not.
import errno


class VfsPosix:
    """The board's filesystem: a directory on the host."""

    def __repr__(self):
        return "<VfsPosix>"


_ROOT = VfsPosix()


def mount(fs=None, mount_point=None, *, readonly=False):
    if fs is None and mount_point is None:
        return [(_ROOT, "/")]
    raise OSError(errno.EPERM, "the virtual ESP32 under CPython has one filesystem, at /")


def umount(mount_point):
    raise OSError(errno.EPERM, "the virtual ESP32 under CPython has one filesystem, at /")
