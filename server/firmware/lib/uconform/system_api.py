# /system, /system/reset and /config: served by every app, recovery included (BOOT-01).
from uconform import response, config as configmod
from uconform.errors import HttpError


def install(app, device):
    app.route("/system", lambda req: device.system(), ("GET",))
    app.route("/system/reset", lambda req: _reset(device), ("POST",))
    app.route("/config", lambda req: configmod.masked(device.config), ("GET",))
    app.route("/config", lambda req: _put_config(device, req), ("PUT",))


def _reset(device):
    if device.machine is None or not hasattr(device.machine, "reset"):
        raise HttpError(501, "this device cannot reset itself")
    resp = response.data({"resetting": True})
    resp.headers.append(("Connection", "close"))
    resp.after = device.reset
    return resp


def _put_config(device, req):
    update = req.json()
    if not isinstance(update, dict):
        raise HttpError(400, "config must be a JSON object")
    try:
        return device.save_config(update)
    except configmod.ConfigError as e:
        raise HttpError(400, str(e))
