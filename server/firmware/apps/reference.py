# The reference app: the board API of CONFORMANCE section 3 plus files, auth and diagnostics.
from uconform import board_api, system_api, files_api, diag_api, auth, ws_api


def setup(app, device, root):
    if device.bank is None:
        raise RuntimeError("this interpreter has no machine.Pin (run with the hostrt modules)")
    board_api.install(app, device)
    system_api.install(app, device)
    files_api.install(app, root + "/www")
    diag_api.install(app)
    ws_api.route(app, "/ws", ws_api.echo_or_command)
    app.guards.append(auth.guard_for(device))
