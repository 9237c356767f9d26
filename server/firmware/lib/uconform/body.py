# Request bodies past RAM_BODY bytes never sit in RAM whole: they go to a file as they arrive
# (a spool file, or the upload's own .part file), so one body costs one small buffer of heap.
import os

RAM_BODY = 1024
DIR = ".spool"   # set by startup to <device root>/.spool; tests point it at a temp dir
_count = [0]


class FileSink:
    """Body bytes written to path as they arrive; discard() removes what was written."""

    def __init__(self, path):
        self.path = path
        self.size = 0
        self.file = open(path, "wb")

    def write(self, data):
        self.file.write(data)
        self.size += len(data)

    def finish(self):
        if self.file is not None:
            self.file.close()
            self.file = None

    def discard(self):
        self.finish()
        try:
            os.remove(self.path)
        except OSError:
            pass


class Refusal:
    """The body of a request refused at its head (auth, bad path): read and dropped, then answered."""

    def __init__(self, error):
        self.error = error
        self.size = 0

    def write(self, data):
        self.size += len(data)

    def finish(self):
        pass

    def discard(self):
        pass


def spool():
    try:
        os.mkdir(DIR)
    except OSError:
        pass  # exists
    _count[0] += 1
    return FileSink(DIR + "/b" + str(_count[0]))


def clear():
    """Removes spool files a reboot left behind."""
    try:
        names = os.listdir(DIR)
    except OSError:
        return
    for name in names:
        try:
            os.remove(DIR + "/" + name)
        except OSError:
            pass


class Enveloped:
    """A file read as a stream between a prefix and a suffix (the /echo answer); removed at close."""

    def __init__(self, prefix, sink, suffix):
        self.pieces = [prefix, None, suffix]
        self.sink = sink
        self.file = open(sink.path, "rb")
        self.length = len(prefix) + sink.size + len(suffix)

    def read(self, n):
        while self.pieces:
            if self.pieces[0] is None:
                data = self.file.read(n)
                if data:
                    return data
                self.pieces.pop(0)
                continue
            data = self.pieces.pop(0)
            if data:
                return data
        return b""

    def close(self):
        if self.file is not None:
            self.file.close()
            self.file = None
            self.sink.discard()
