# Client slots of the socket loop: accepting, the max_clients cap and who makes room (LIM-05).
# Kept apart from server.py so that each compiles in a few KB of heap on a device.
from uconform import response, router
from uconform.connection import Connection
from uconform.compat import ticks_ms, ticks_diff


def unique(server):
    seen = []
    for conn in list(server.conns.values()):
        if conn not in seen:
            seen.append(conn)
    return seen


def active_count(server):
    count = 0
    for conn in unique(server):
        if conn.lingering is None:
            count += 1
    return count


def accept(server):
    try:
        sock, _ = server.listener.accept()
    except OSError:
        return
    sock.setblocking(False)
    conn = Connection(sock, server.limits, ticks_ms())
    app = server.app
    conn.decorate = lambda resp: router.decorate(app, resp)
    over_cap = active_count(server) >= server.limits.max_clients
    if over_cap:
        over_cap = not (_evict_idle(server) or _evict_unfinished(server))
    register(server, conn)
    if over_cap:
        conn.queue(response.error(503, "too many clients"), True, False)
        server._flush(conn)


def _evict_idle(server):
    """Closes the longest-idle connection to make room (LIM-05: busy clients keep their slot)."""
    idle = [c for c in unique(server) if c.sock is not None and c.evictable()]
    if not idle:
        return False
    oldest = idle[0]
    for c in idle:
        if ticks_diff(oldest.last_activity, c.last_activity) > 0:
            oldest = c
    server._drop(oldest)
    return True


def _evict_unfinished(server):
    """No idle slot: the connection longest in the middle of sending its request makes room
    (a slow or stalled sender never keeps a new client out; the acceptor never waits)."""
    slow = [c for c in unique(server) if c.sock is not None and c.unfinished()]
    if not slow:
        return False
    oldest = slow[0]
    for c in slow:
        if ticks_diff(oldest.head_started, c.head_started) > 0:
            oldest = c
    server._drop(oldest)
    return True


def register(server, conn):
    import select
    server.conns[conn.sock] = conn
    try:
        server.conns[conn.sock.fileno()] = conn
    except (AttributeError, OSError):
        pass
    server.poller.register(conn.sock, select.POLLIN)
