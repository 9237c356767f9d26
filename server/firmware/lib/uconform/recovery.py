# The recovery app: /system, /config and file upload keep working when the configured app fails.
from uconform.router import App
from uconform import system_api, files_api, auth


def build(device, root):
    app = App(str(device.config["device"].get("name")) + " (recovery)")
    system_api.install(app, device)
    files_api.install(app, root)
    app.guards.append(auth.guard_for(device))
    return app
