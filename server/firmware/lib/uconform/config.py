# config.json: load, validate, mask secrets, merge updates, persist.
import json

MASK = "****"
SECRETS = (("sta", "password"), ("ap", "password"), ("auth", "password"))


class ConfigError(Exception):
    pass


def defaults():
    return {
        "device": {"name": "uconform-board", "board": "esp32-devkitc"},
        "sta": {"ssid": "", "password": ""},
        "ap": {"essid": "uconform", "password": "", "authmode": 0},
        "app": "reference",
        "home": {"url": ""},
        "auth": {"user": "", "password": ""},
        "server": {"host": "0.0.0.0", "port": 80, "cors": False, "limits": {}},
    }


def load(path):
    try:
        with open(path) as f:
            text = f.read()
    except OSError:
        raise ConfigError(path + " not found")
    try:
        raw = json.loads(text)
    except ValueError:
        raise ConfigError(path + " is not valid JSON")
    if not isinstance(raw, dict):
        raise ConfigError(path + " must hold a JSON object")
    cfg = defaults()
    merge(cfg, raw)
    validate(cfg)
    return cfg


def merge(cfg, update):
    """Merges update into cfg section by section; a masked secret keeps the stored value."""
    for key in update:
        value = update[key]
        if isinstance(value, dict) and isinstance(cfg.get(key), dict):
            for sub in value:
                if (key, sub) in SECRETS and value[sub] == MASK:
                    continue
                cfg[key][sub] = value[sub]
        else:
            cfg[key] = value


def validate(cfg):
    for section in ("device", "sta", "ap", "home", "auth", "server"):
        if not isinstance(cfg.get(section), dict):
            raise ConfigError("config '" + section + "' must be an object")
    if not isinstance(cfg.get("app"), str) or not cfg["app"]:
        raise ConfigError("config 'app' must name an app")
    sta = cfg["sta"]
    if sta.get("ssid") and not isinstance(sta.get("password"), str):
        raise ConfigError("config 'sta.password' is missing for ssid '" + str(sta["ssid"]) + "'")
    port = cfg["server"].get("port")
    if not isinstance(port, int) or port < 0 or port > 65535:
        raise ConfigError("config 'server.port' must be 0..65535")


def masked(cfg):
    out = {}
    for key in cfg:
        value = cfg[key]
        if isinstance(value, dict):
            copy = {}
            for sub in value:
                secret = (key, sub) in SECRETS and value[sub]
                copy[sub] = MASK if secret else value[sub]
            out[key] = copy
        else:
            out[key] = value
    return out


def secrets(cfg):
    found = []
    for section, key in SECRETS:
        value = cfg.get(section, {}).get(key)
        if value:
            found.append(value)
    return found


def save(path, cfg):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(json.dumps(cfg))
    import os
    try:
        os.remove(path)
    except OSError:
        pass
    os.rename(tmp, path)
