# WebSocket routes on the socket loop: the upgrade and the reference echo; frames go to a
# WsSession (wssession.py).
import json
from uconform import response, ws
from uconform.wssession import WsSession


def upgrade(req, handler=None):
    """The 101 answer to a valid upgrade; handler(kind, payload) returns a reply (str/bytes) or None."""
    accept = ws.check_upgrade(req)
    resp = response.Response(101, b"", headers=[("Upgrade", "websocket"), ("Connection", "Upgrade"),
                                                ("Sec-WebSocket-Accept", accept)])
    echo = handler is None or handler is echo_or_command
    resp.upgrade = lambda limits: WsSession(handler or echo_or_command, limits, echo)
    return resp


def route(app, path, handler):
    """Registers a WebSocket endpoint."""
    app.route(path, lambda req: upgrade(req, handler), ("GET",))


def echo_or_command(kind, payload):
    """The reference /ws: echo, except {"cmd":"upper","text":s} which answers {"data": S}."""
    if kind == "text":
        text = payload.decode()
        try:
            msg = json.loads(text)
        except ValueError:
            msg = None
        if isinstance(msg, dict) and msg.get("cmd") == "upper" and isinstance(msg.get("text"), str):
            return json.dumps({"data": msg["text"].upper()})
        return text
    return payload

