# A feature costs heap only once it is used: its module is imported on the first request to it.


import sys
from uconform.compat import collect


_loaded = []  # modules (and their imports) brought in by load(): what may be dropped for room


def load(module):
    name = "uconform." + module
    found = sys.modules.get(name)
    if found is not None:
        return found
    collect()  # compiling a module needs room: give it everything that is garbage now
    try:
        return _import(name)
    except MemoryError:
        # Compiling needs free heap for a moment: features loaded earlier that nothing uses now
        # give theirs back (they are compiled again on their next use), then one more try.
        evict(name)
        try:
            return _import(name)
        except MemoryError:
            # What this attempt loaded half (e.g. wsframes of a WebSocket) goes too: else it stays
            # resident, nothing loads lazily again to give it back, and every later request finds
            # the heap as full as this one left it (measured: all 503 from the first failed upgrade on).
            evict()
            raise


def _import(name):
    before = list(sys.modules)
    try:
        return __import__(name, None, None, ("_",))
    finally:
        for key in sys.modules:
            if key not in before and key not in _loaded:
                _loaded.append(key)


def give_back():
    """A request ran out of heap: the features loaded from precompiled .mpy files go, as loading
    one again needs no compile (measured, precompiled at 96K: with everything loaded and nothing
    given back, every request from the 86th on answered 503). Features compiled from source stay
    until a compile needs their room: compiling them again needs more heap than they free."""
    evict(None, True)


def _precompiled(key):
    return getattr(sys.modules.get(key), "__file__", "").endswith(".mpy")


def evict(keep=None, precompiled_only=False):
    """Forgets the lazily loaded modules (but keep): what no request holds becomes garbage."""
    for hub in _hubs:
        hub.release()  # an SSE hub nobody listens to holds its module's code
    package = sys.modules.get("uconform")
    for key in list(_loaded):
        if key == keep or precompiled_only and not _precompiled(key):
            continue
        _loaded.remove(key)
        sys.modules.pop(key, None)
        short = key.rsplit(".", 1)[-1]
        if package is not None and hasattr(package, short):
            delattr(package, short)
    collect()


def files(app, root):
    """/files/* (FILE, UP) and /files (the web root's page), files_api imported on first use."""
    serve = lambda req: load("files_api").handle(root, req)
    files = app.route("/files/*", serve, ("GET", "PUT", "POST", "DELETE"))
    files.upload = True
    files.sink = lambda req: load("files_api").upload_sink(root, req)
    app.route("/files", serve, ("GET",))


_hubs = []  # every lazy Hub, for evict()


class Hub:
    """The SSE hub, made when the first subscriber comes: until then an event has nobody to reach.
    When room is needed and nobody listens, it is given back (evict); the event ids go on."""

    def __init__(self, max_subscribers):
        self.max_subscribers = max_subscribers
        self.hub = None
        self.next_id = 1
        _hubs.append(self)

    def get(self):
        if self.hub is None:
            hub = load("sse_api").Hub(self.max_subscribers)
            hub.next_id = self.next_id
            self.hub = hub
        return self.hub

    def release(self):
        hub = self.hub
        if hub is not None and not hub.sessions:
            self.next_id = hub.next_id
            self.hub = None

    def publish(self, event, value):
        if self.hub is not None:
            self.hub.publish(event, value)
