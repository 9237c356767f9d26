# The reference board API of CONFORMANCE section 3 on machine.Pin/ADC/PWM.
from uconform.errors import HttpError
from uconform.compat import sleep_ms


def install(app, device):
    bank = device.bank
    led = device.layout.led

    def led_state():
        return {"pin": led, "value": bank.read(led)["value"]}

    def led_set(value):
        bank.write(led, value)
        return led_state()

    app.route("/led", lambda req: led_state(), ("GET",))
    app.route("/led/on", lambda req: led_set(1), ("GET",))
    app.route("/led/off", lambda req: led_set(0), ("GET",))
    app.route("/led/toggle", lambda req: led_set(1 - bank.read(led)["value"]), ("GET",))
    app.route("/gpio", lambda req: bank.all(), ("GET",))
    app.route("/gpio/{n}", lambda req: bank.read(_pin(req)), ("GET",))
    app.route("/gpio/{n}", lambda req: _put_gpio(bank, req), ("PUT",))
    app.route("/adc/{n}", lambda req: bank.adc(_pin(req)), ("GET",))
    app.route("/pwm/{n}", lambda req: _put_pwm(bank, req), ("PUT",))
    app.nowait("/blink", lambda req: _blink(bank, led, req.blink), ("POST",), _blink_args)


def _pin(req):
    text = req.params["n"]
    if not text.isdigit():
        raise HttpError(404, "no pin " + text)
    return int(text)


def _object(req):
    body = req.json()
    if not isinstance(body, dict):
        raise HttpError(400, "body must be a JSON object")
    return body


def _put_gpio(bank, req):
    n = _pin(req)
    bank.check(n)
    body = _object(req)
    for key in body:
        if key not in ("mode", "value", "pull"):
            raise HttpError(400, "unknown field '" + key + "'")
    return bank.configure(n, body.get("mode"), body.get("value"), body.get("pull"))


def _put_pwm(bank, req):
    n = _pin(req)
    bank.check(n)
    body = _object(req)
    return bank.pwm(n, body.get("freq"), body.get("duty"))


def _blink_args(req):
    body = _object(req)
    times = body.get("times", 3)
    interval = body.get("interval_ms", 100)
    if not isinstance(times, int) or times < 1 or times > 1000:
        raise HttpError(400, "times must be an integer 1..1000")
    if not isinstance(interval, int) or interval < 1 or interval > 10000:
        raise HttpError(400, "interval_ms must be an integer 1..10000")
    req.blink = (times, interval)


def _blink(bank, led, args):
    times, interval = args
    value = bank.read(led)["value"]
    for _ in range(2 * times):
        value = 1 - value
        bank.write(led, value)
        sleep_ms(interval)
