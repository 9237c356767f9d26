# Boot sequence: config -> pins -> network -> app (or recovery) -> server -> READY line.
import sys
from uconform import VERSION, config as configmod, body, recovery  # recovery must always load
from uconform.compat import interpreter, collect, start_heap_accounting
from uconform.device import Device
from uconform.limits import Limits
from uconform.pins import PinBank
from uconform.router import App
from uconform.server import Server


def say(line):
    print(line)


def run(root="."):
    cfg_path = root + "/config.json"
    start_heap_accounting()
    say("UCONFORM BOOT firmware=" + VERSION + " interpreter=" + interpreter())
    problem = None
    try:
        cfg = configmod.load(cfg_path)
    except configmod.ConfigError as e:
        cfg, problem = configmod.defaults(), "config: " + str(e)
    device, board_problem = _device(cfg, cfg_path)
    problem = problem or board_problem
    say("UCONFORM RESET cause=" + device.reset_cause())
    from uconform import netup
    ip, net_problem = netup.bring_up(cfg, say)
    del netup
    _unload("uconform.netup")  # boot-only code: its heap goes to the requests
    sys.modules.pop("network", None)  # a board's is built in (not listed); a stand-in's code goes
    if net_problem:
        # The app still runs: the device stays reachable on its own access point.
        say("UCONFORM NET fallback=ap reason=" + net_problem)
    try:
        limits = Limits(cfg["server"].get("limits"))
    except ValueError as e:
        limits, problem = Limits(), problem or "config: " + str(e)
    port = cfg["server"].get("port", 80)
    device.limits = limits
    body.DIR = root + "/.spool"
    body.clear()
    while True:
        app, problem = _app(device, root, problem)
        app.on_error = _report_error
        server = Server(app, limits, cfg["server"].get("host", "0.0.0.0"), port)
        port = server.bind()
        mode = "recovery" if problem else "app"
        say("UCONFORM READY url=http://" + ip + ":" + str(port) + "/ mode=" + mode)
        try:
            server.serve_forever()
            return
        except Exception as e:
            problem = "crash: " + type(e).__name__ + ": " + str(e)
            server.close()
            collect()


def _device(cfg, cfg_path):
    """(device, problem): problem names why the board API cannot run, None when it can."""
    try:
        import machine
    except ImportError:
        return Device(cfg, cfg_path), None  # the reference app reports the missing machine module
    if not hasattr(machine, "Pin"):
        return Device(cfg, cfg_path, machine), "board: machine.Pin is missing (put the hostrt modules on the path)"
    from uconform import boards
    try:
        layout = boards.layout(cfg["device"].get("board"))
    except ValueError as e:
        return Device(cfg, cfg_path, machine), "board: " + str(e)
    finally:
        del boards
        _unload("uconform.boards")
    return Device(cfg, cfg_path, machine, PinBank(machine, layout), layout), None


def _app(device, root, problem):
    if problem is None:
        name = device.config["app"]
        try:
            if not _is_identifier(name):
                raise ImportError("not a module name")
            collect()
            module = getattr(__import__("apps." + name), name)
            app = App(str(device.config["device"].get("name")))
            collect()  # setup makes the app's long-lived objects: on a heap as whole as it gets
            module.setup(app, device, root)
            return app, None
        except ImportError as e:
            problem = "app: cannot load '" + name + "' (" + str(e) + ")"
        except Exception as e:
            problem = "app: '" + name + "' failed in setup (" + type(e).__name__ + ": " + str(e) + ")"
    say("UCONFORM RECOVERY reason=" + problem)
    return recovery.build(device, root), problem


def _unload(name):
    sys.modules.pop(name, None)
    package = sys.modules.get("uconform")
    short = name.rsplit(".", 1)[-1]
    if package is not None and hasattr(package, short):
        delattr(package, short)
    collect()


def _is_identifier(name):
    for ch in name:
        if not (ch.isalpha() or ch.isdigit() or ch == "_"):
            return False
    return bool(name) and not name[0].isdigit()


def _report_error(req, exc):
    say("UCONFORM ERROR " + req.method + " " + req.path + " " + type(exc).__name__ + ": " + str(exc))
