# The reference app: the board API of CONFORMANCE section 3 plus files, auth, events and diagnostics.
# Features beyond the board API (files, WebSocket, SSE, stream, home) are imported on first use:
# at an ESP32's heap the code of every feature at once leaves too little for the requests.
from uconform import board_api, system_api, diag_api, auth, lazy
from uconform.limits import Limits


def setup(app, device, root):
    if device.bank is None:
        raise RuntimeError("this interpreter has no machine.Pin (run with the hostrt modules)")
    app.cors = bool(device.config["server"].get("cors"))
    board_api.install(app, device)
    system_api.install(app, device)
    lazy.files(app, root + "/www")
    diag_api.install(app)
    app.route("/ws", lambda req: lazy.load("ws_api").upgrade(req), ("GET",))
    events = lazy.Hub((device.limits or Limits()).max_sse_subscribers)
    greeting = lambda: ("boot", {"reset_cause": device.reset_cause(), "t_ms": device.uptime_ms()})
    app.route("/events", lambda req: lazy.load("sse_api").subscribe(req, events.get(), greeting), ("GET",))
    app.route("/events/publish", lambda req: lazy.load("sse_api").publish(req, events.get()), ("POST",))
    frames = lambda n: {"frame": n, "t_ms": device.uptime_ms()}
    app.route("/stream", lambda req: lazy.load("stream_api").open_stream(req, frames), ("GET",))
    publish = _publisher(device, events)
    device.bank.listeners.append(lambda pin, value: publish(
        "pin", {"pin": pin, "value": value, "t_ms": device.uptime_ms()}))
    _watch_button(device, publish)
    app.guards.append(auth.guard_for(device))


def _publisher(device, events):
    """Events go to SSE subscribers and, when home.url is set, to the home server (HOME-01).

    The URL is read at every event, so a PUT /config that sets it takes effect at once.
    """
    state = {"url": "", "home": None}

    def current_home():
        url = (device.config.get("home") or {}).get("url") or ""
        if url != state["url"]:
            state["url"], state["home"] = url, None
            if url:
                try:
                    state["home"] = lazy.load("home").HomeReporter(url, str(device.config["device"].get("name")),
                                                                   print)
                except ValueError as e:
                    print("UCONFORM HOME disabled: " + str(e))
        return state["home"]

    def publish(event, value):
        events.publish(event, value)
        home = current_home()
        if home is not None:
            home.post(event, value)

    home = current_home()
    if home is not None:
        home.post("boot", {"reset_cause": device.reset_cause()})
    return publish


def _watch_button(device, publish):
    """Edges on the BOOT button (an IRQ) become `pin` events and one console line each."""
    bank = device.bank
    button = device.layout.button
    bank.configure(button, "in", None, "up")
    pin = bank.objects[button]
    if not hasattr(pin, "irq"):
        return

    def on_edge(p):
        value = p.value()
        print("UCONFORM PIN pin=" + str(button) + " value=" + str(value))
        publish("pin", {"pin": button, "value": value, "t_ms": device.uptime_ms()})

    pin.irq(handler=on_edge, trigger=pin.IRQ_FALLING | pin.IRQ_RISING)
