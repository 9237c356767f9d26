# The recovery app: /system, /config and file upload keep working when the configured app fails.
from uconform.router import App
from uconform import system_api, auth, lazy


def build(device, root):
    app = App(str(device.config["device"].get("name")) + " (recovery)")
    system_api.install(app, device)
    lazy.files(app, root)
    app.guards.append(auth.guard_for(device))
    return app
