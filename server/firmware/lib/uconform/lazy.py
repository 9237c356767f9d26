# A feature costs heap only once it is used: its module is imported on the first request to it.


import sys
from uconform.compat import collect


def load(module):
    name = "uconform." + module
    found = sys.modules.get(name)
    if found is not None:
        return found
    collect()  # compiling a module needs room: give it everything that is garbage now
    return __import__(name, None, None, ("_",))


def files(app, root):
    """/files/* (FILE, UP) and /files (the web root's page), files_api imported on first use."""
    serve = lambda req: load("files_api").handle(root, req)
    files = app.route("/files/*", serve, ("GET", "PUT", "POST", "DELETE"))
    files.upload = True
    files.sink = lambda req: load("files_api").upload_sink(root, req)
    app.route("/files", serve, ("GET",))


class Hub:
    """The SSE hub, made when the first subscriber comes: until then an event has nobody to reach."""

    def __init__(self, max_subscribers):
        self.max_subscribers = max_subscribers
        self.hub = None

    def get(self):
        if self.hub is None:
            self.hub = load("sse_api").Hub(self.max_subscribers)
        return self.hub

    def publish(self, event, value):
        if self.hub is not None:
            self.hub.publish(event, value)
