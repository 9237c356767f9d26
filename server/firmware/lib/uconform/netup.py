# Network bring-up: config "net.mode" chooses. "wlan" (the default): join the configured station
# Wi-Fi, else start the access point. "lan": wired Ethernet (network.LAN), a static address from
# "net" (ip, netmask, gateway, dns) or DHCP when "net.ip" is empty.
from uconform.compat import ticks_ms, ticks_diff, sleep_ms

JOIN_TIMEOUT_MS = 15000


def bring_up(cfg, say, timeout_ms=JOIN_TIMEOUT_MS):
    """Returns (ip, problem); problem is None when the configured network came up."""
    try:
        import network
    except ImportError:
        say("UCONFORM NET mode=none reason=no network module; serving on loopback")
        return "127.0.0.1", None
    net_cfg = cfg.get("net") or {}
    if net_cfg.get("mode", "wlan") == "lan":
        return _lan(network, net_cfg, say, net_cfg.get("link_timeout_ms", timeout_ms))
    sta_cfg = cfg["sta"]
    timeout_ms = sta_cfg.get("join_timeout_ms", timeout_ms)
    problem = None
    if sta_cfg.get("ssid"):
        sta = network.WLAN(network.STA_IF)
        sta.active(True)
        if not sta.isconnected():
            try:
                sta.connect(sta_cfg["ssid"], sta_cfg.get("password") or "")
            except OSError as e:
                say("UCONFORM NET connect error: " + type(e).__name__)
        start = ticks_ms()
        while not sta.isconnected() and ticks_diff(ticks_ms(), start) < timeout_ms:
            sleep_ms(100)
        if sta.isconnected():
            ip = sta.ifconfig()[0]
            say("UCONFORM NET mode=sta ssid=" + sta_cfg["ssid"] + " ip=" + ip)
            return ip, None
        sta.active(False)
        problem = "wifi: could not join '" + sta_cfg["ssid"] + "' within " \
            + str(timeout_ms // 1000) + " s (wrong credentials or out of range)"
    ap_cfg = cfg["ap"]
    ap = network.WLAN(network.AP_IF)
    ap.active(True)
    try:
        if ap_cfg.get("password"):
            ap.config(essid=ap_cfg.get("essid", "uconform"), password=ap_cfg["password"],
                      authmode=ap_cfg.get("authmode", 3))
        else:
            ap.config(essid=ap_cfg.get("essid", "uconform"))
    except (OSError, ValueError, TypeError) as e:
        say("UCONFORM NET ap config error: " + type(e).__name__)
    ip = ap.ifconfig()[0]
    say("UCONFORM NET mode=ap essid=" + str(ap_cfg.get("essid", "uconform")) + " ip=" + ip)
    return ip, problem


def _lan(network, net_cfg, say, timeout_ms):
    ip = net_cfg.get("ip") or ""
    if not hasattr(network, "LAN"):
        say("UCONFORM NET mode=lan error=this firmware has no network.LAN")
        return ip or "0.0.0.0", "lan: this firmware has no network.LAN"
    try:
        nic = network.LAN()
        nic.active(True)
        if ip:
            nic.ifconfig((ip, net_cfg.get("netmask", "255.255.255.0"), net_cfg.get("gateway", ip),
                          net_cfg.get("dns", net_cfg.get("gateway", ip))))
        else:
            nic.ifconfig("dhcp")
    except (OSError, ValueError, TypeError) as e:
        say("UCONFORM NET mode=lan error=" + type(e).__name__)
        return ip or "0.0.0.0", "lan: the interface did not start (" + type(e).__name__ + ")"
    start = ticks_ms()
    while not nic.isconnected() and ticks_diff(ticks_ms(), start) < timeout_ms:
        sleep_ms(100)
    ip = nic.ifconfig()[0]
    if not nic.isconnected():
        say("UCONFORM NET mode=lan ip=" + ip + " link=down")
        return ip, "lan: no Ethernet link within " + str(timeout_ms // 1000) + " s"
    say("UCONFORM NET mode=lan ip=" + ip)
    return ip, None
