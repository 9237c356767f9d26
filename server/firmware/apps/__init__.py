# Apps the loader can start by name ("app" in config.json): each module has setup(app, device, root).
