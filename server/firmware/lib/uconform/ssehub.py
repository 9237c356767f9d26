# Server-sent events: the hub of subscribers fed by the loop, broadcast from any thread (SSE group).
import json
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
