# Server-sent events (SSE group): a hub of subscribers fed by the loop, broadcast from any thread.
import json
from uconform import response
from uconform.errors import HttpError
from uconform.compat import allocate_lock


def format_event(event, data, event_id=None):
    """event:/id:/data: lines ended by a blank line; multi-line data -> repeated data: lines."""
    lines = ["event: " + event]
    if event_id is not None:
        lines.append("id: " + str(event_id))
    for line in data.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.append("data: " + line)
    return ("\n".join(lines) + "\n\n").encode()


class Hub:
    def __init__(self, max_subscribers):
        self.max_subscribers = max_subscribers
        self.sessions = []
        self.next_id = 1
        self.lock = allocate_lock()

    def publish(self, event, value):
        """Queues an event (value sent as JSON) for every subscriber; safe from any thread."""
        return self.publish_text(event, json.dumps(value))

    def publish_text(self, event, text):
        with self.lock:
            event_id = self.next_id
            chunk = format_event(event, text, event_id)
            self.next_id += 1
            for session in self.sessions:
                session.pending.append(chunk)
            return {"id": event_id, "subscribers": len(self.sessions)}

    def subscribe(self, session):
        with self.lock:
            if len(self.sessions) >= self.max_subscribers:
                return False
            self.sessions.append(session)
            return True

    def drop(self, session):
        with self.lock:
            if session in self.sessions:
                self.sessions.remove(session)


class SseSession:
    def __init__(self, hub, first):
        self.hub = hub
        self.pending = [first] if first else []

    def received(self, conn, data):
        pass  # a subscriber has nothing to say; input is ignored

    def expired(self, conn, now):
        """Called by the loop on every sweep: moves queued events to the connection's output."""
        with self.hub.lock:
            events, self.pending = self.pending, []
        conn.out.extend(events)
        return bool(events)

    def closed(self, conn):
        self.hub.drop(self)


def subscribe(req, hub, greeting=None):
    """Subscribes the connection; greeting() gives the (event, value) sent first, e.g. the boot event."""
    if req.method == "HEAD":
        return response.Response(200, b"", "text/event-stream", [("Cache-Control", "no-cache")])
    first = None
    if greeting is not None:
        event, value = greeting()
        first = format_event(event, json.dumps(value))
    session = SseSession(hub, first)
    if not hub.subscribe(session):
        raise HttpError(503, "too many event subscribers")
    resp = response.Response(200, b"", "text/event-stream", [("Cache-Control", "no-cache")])
    resp.length = None
    resp.upgrade = lambda limits: session
    return resp


def publish(req, hub):
    """POST {"event": name, "data": text-or-value}: a diagnostic publisher (multi-line data, SSE-02)."""
    body = req.json()
    if not isinstance(body, dict):
        raise HttpError(400, 'expected {"event": name, "data": text}')
    name = body.get("event", "message")
    if not isinstance(name, str) or not name or "\n" in name or "\r" in name:
        raise HttpError(400, "'event' must be a one-line, non-empty string")
    data = body.get("data")
    return hub.publish_text(name, data if isinstance(data, str) else json.dumps(data))


def route(app, path, hub, greeting=None):
    app.route(path, lambda req: subscribe(req, hub, greeting), ("GET",))


def publisher_route(app, path, hub):
    app.route(path, lambda req: publish(req, hub), ("POST",))
