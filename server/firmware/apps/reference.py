# The reference app: the board API of CONFORMANCE section 3 plus files, auth, events and diagnostics.
from uconform import board_api, system_api, files_api, diag_api, auth, ws_api, sse_api, stream_api
from uconform.home import HomeReporter
from uconform.limits import Limits


def setup(app, device, root):
    if device.bank is None:
        raise RuntimeError("this interpreter has no machine.Pin (run with the hostrt modules)")
    app.cors = bool(device.config["server"].get("cors"))
    board_api.install(app, device)
    system_api.install(app, device)
    files_api.install(app, root + "/www")
    diag_api.install(app)
    ws_api.route(app, "/ws", ws_api.echo_or_command)
    hub = sse_api.Hub((device.limits or Limits()).max_sse_subscribers)
    sse_api.route(app, "/events", hub, lambda: ("boot", {"reset_cause": device.reset_cause(),
                                                         "t_ms": device.uptime_ms()}))
    sse_api.publisher_route(app, "/events/publish", hub)
    stream_api.route(app, "/stream", lambda n: {"frame": n, "t_ms": device.uptime_ms()})
    publish = _publisher(device, hub)
    device.bank.listeners.append(lambda pin, value: publish(
        "pin", {"pin": pin, "value": value, "t_ms": device.uptime_ms()}))
    _watch_button(device, publish)
    app.guards.append(auth.guard_for(device))


def _publisher(device, hub):
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
                    state["home"] = HomeReporter(url, str(device.config["device"].get("name")), print)
                except ValueError as e:
                    print("UCONFORM HOME disabled: " + str(e))
        return state["home"]

    def publish(event, value):
        hub.publish(event, value)
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
