# The socket loop's output side: flushing queued pieces (file bodies 1 KiB at a time), lingering
# close, deadlines and dropping a connection. Apart from server.py so each compiles in a few KB.
import select
from uconform import chunked
from uconform.compat import ticks_ms, ticks_diff, errno_of
from uconform.errors import HttpError

EAGAIN = (11, 35, 115, 10035)  # EAGAIN/EWOULDBLOCK/EINPROGRESS on Linux, macOS, lwIP, Windows
LINGER_MS = 500
CHUNK = 1024
OUT_PIECES = 8  # queued output pieces (<= CHUNK each for echoes) before input waits for the peer


def flush(server, conn):
    while conn.out and conn.sock is not None:
        item = conn.out[0]
        if isinstance(item, tuple):
            stream, left, in_chunks = item
            piece = stream.read(min(CHUNK, left)) if left else b""
            if not piece:
                close_stream(stream)
                conn.out.pop(0)
                if in_chunks:
                    conn.out.insert(0, chunked.LAST_CHUNK)
                continue
            conn.out[0] = (stream, left - len(piece), in_chunks)
            item = chunked.encode_chunk(piece) if in_chunks else piece
            conn.out.insert(0, item)
        try:
            sent = conn.sock.send(item)
        except OSError as e:
            if errno_of(e) in EAGAIN:
                sent = 0
            else:
                drop(server, conn)
                return
        if sent is None:
            sent = 0
        if sent < len(item):
            conn.out[0] = item[sent:]
            # backpressure: a peer that does not read is not read from until its output drains
            busy = len(conn.out) > OUT_PIECES
            server.poller.modify(conn.sock, select.POLLOUT if busy else select.POLLIN | select.POLLOUT)
            return
        conn.out.pop(0)
        conn.last_activity = ticks_ms()
    if conn.sock is None:
        return
    server.poller.modify(conn.sock, select.POLLIN)
    while conn.after:
        conn.after.pop(0)()
    if conn.closing and conn.lingering is None:
        _linger(server, conn)


def _linger(server, conn):
    # Half-close and discard late input, so the peer reads the response before any RST.
    try:
        conn.sock.shutdown(1)
    except (AttributeError, OSError):
        drop(server, conn)
        return
    conn.lingering = ticks_ms()


def sweep(server, conns, now):
    for conn in conns:
        if conn.sock is None:
            continue
        if conn.lingering is not None:
            if ticks_diff(now, conn.lingering) > LINGER_MS:
                drop(server, conn)
        elif conn.upgrade is not None:
            if conn.upgrade.expired(conn, now):
                flush(server, conn)
        elif conn.closing or conn.out:
            if conn.idle_expired(now):
                drop(server, conn)  # the peer stopped reading
        elif conn.head_expired(now) and not conn.out:
            if conn.buf or conn.pending is not None:
                what = "request body timeout" if conn.pending is not None else "request header timeout"
                conn.fail(HttpError(408, what, True))
                flush(server, conn)
            else:
                drop(server, conn)
        elif conn.idle() and conn.idle_expired(now):
            drop(server, conn)


def drop(server, conn):
    sock = conn.sock
    if sock is None:
        return
    conn.sock = None
    conn.abort()
    for item in conn.out:
        if isinstance(item, tuple):
            close_stream(item[0])
    conn.out = []
    if conn.upgrade is not None:
        conn.upgrade.closed(conn)
    for key in [k for k in server.conns if server.conns[k] is conn]:
        del server.conns[key]
    try:
        server.poller.unregister(sock)
    except (OSError, KeyError, ValueError):
        pass
    try:
        sock.close()
    except OSError:
        pass


def close_stream(stream):
    try:
        stream.close()
    except Exception:
        pass
