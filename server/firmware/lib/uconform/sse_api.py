# Server-sent events (SSE group): subscribing and the diagnostic publisher; the hub is in ssehub.py.
import json
from uconform import response
from uconform.errors import HttpError
from uconform.ssehub import Hub, SseSession, format_event  # noqa: F401 (Hub: lazy.Hub and tests)


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
