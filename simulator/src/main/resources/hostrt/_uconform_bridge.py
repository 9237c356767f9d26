# Client side of the host runtime bridge: JSON lines over loopback TCP to the Java virtual board.
# The address comes from the environment variable UCONFORM_BRIDGE ("127.0.0.1:port").
import json
import socket
import os
import _thread

TIMEOUT_S = 5
_lock = _thread.allocate_lock()
_state = {"sock": None, "buf": b"", "next": 1, "events": None}
_handlers = {}  # pin -> callable(pin_number, value)


class BridgeError(OSError):
    pass


def address():
    value = None
    try:
        value = os.getenv("UCONFORM_BRIDGE")
    except AttributeError:
        value = None
    if not value:
        raise BridgeError("UCONFORM_BRIDGE is not set: the host runtime needs the virtual board")
    host, port = value.rsplit(":", 1)
    return host, int(port)


def _connect():
    s = socket.socket()
    s.connect(socket.getaddrinfo(*address())[0][-1])
    s.settimeout(TIMEOUT_S)
    return s


def _send_all(sock, data):
    while data:
        sent = sock.send(data)
        data = data[sent:]


def _read_line(sock, state):
    while b"\n" not in state["buf"]:
        chunk = sock.recv(1024)
        if not chunk:
            raise BridgeError("the virtual board closed the bridge")
        state["buf"] += chunk
    line, state["buf"] = state["buf"].split(b"\n", 1)
    return json.loads(line)


def call(op, **args):
    """Sends one request and waits (at most TIMEOUT_S) for its answer; raises on an error answer."""
    with _lock:
        if _state["sock"] is None:
            _state["sock"] = _connect()
        msg_id = _state["next"]
        _state["next"] = msg_id + 1
        args["op"] = op
        args["id"] = msg_id
        _send_all(_state["sock"], json.dumps(args).encode() + b"\n")
        while True:
            answer = _read_line(_state["sock"], _state)
            if answer.get("id") == msg_id:
                break
    if not answer.get("ok"):
        kind = answer.get("kind", "value")
        message = answer.get("error", "bridge error")
        if kind == "value":
            raise ValueError(message)
        raise BridgeError(message)
    return answer.get("result")


def on_edge(pin, handler):
    """Registers handler(pin, value) for edge events pushed on a second, event-only connection."""
    _handlers[pin] = handler
    if _state["events"] is None:
        events = _connect()
        _send_all(events, b'{"op":"events","id":0}\n')
        state = {"buf": b""}
        _read_line(events, state)  # the subscription acknowledgment: no edge is lost after this
        events.settimeout(None)
        _state["events"] = events
        _thread.start_new_thread(_event_loop, (events, state))


def _event_loop(sock, state):
    while True:
        try:
            event = _read_line(sock, state)
        except (OSError, ValueError):
            return
        handler = _handlers.get(event.get("pin"))
        if event.get("event") == "edge" and handler is not None:
            try:
                handler(event["pin"], event.get("value"))
            except Exception as e:
                print("UCONFORM IRQ handler failed: " + type(e).__name__ + ": " + str(e))
