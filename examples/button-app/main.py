# An app of your own, written from scratch: a tiny HTTP server with one handler per route, the
# board's LED behind /led routes and the BOOT button counted by an IRQ handler (each press also
# toggles the LED). Runs unchanged on an ESP32 and on the host runtime (`uconform sim --app`).
import json
import socket
import time

import machine

# board id (config.json device.board) -> (LED pin, BOOT button pin)
BOARDS = {"esp32-devkitc": (2, 0), "esp32c3-devkitm": (8, 9)}
REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
           431: "Request Header Fields Too Large", 500: "Internal Server Error"}


def load_config():
    try:
        with open("config.json") as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


config = load_config()
LED_PIN, BUTTON_PIN = BOARDS.get(config.get("device", {}).get("board", ""), (2, 0))
HOST = config.get("server", {}).get("host", "0.0.0.0")
PORT = config.get("server", {}).get("port", 80)

led = machine.Pin(LED_PIN, machine.Pin.OUT, value=0)
button = machine.Pin(BUTTON_PIN, machine.Pin.IN, machine.Pin.PULL_UP)
presses = 0


def pressed(pin):
    global presses
    presses += 1
    led.value(1 - led.value())
    print("BOOT pressed", presses, "time(s): LED", "on" if led.value() else "off")


button.irq(handler=pressed, trigger=machine.Pin.IRQ_FALLING)


def led_state():
    return {"pin": LED_PIN, "value": led.value()}


def set_led(value):
    led.value(value)
    return led_state()


ROUTES = {
    "/": lambda: {"name": "button-app", "routes": sorted(ROUTES)},
    "/led": led_state,
    "/led/on": lambda: set_led(1),
    "/led/off": lambda: set_led(0),
    "/led/toggle": lambda: set_led(1 - led.value()),
    "/button": lambda: {"pin": BUTTON_PIN, "presses": presses, "value": button.value()},
}


def respond(client, status, body, allow=None, head_only=False):
    payload = json.dumps(body).encode()
    head = "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n" % (
        status, REASONS.get(status, "Unknown"), len(payload))
    if allow:
        head += "Allow: " + allow + "\r\n"
    client.sendall(head.encode() + b"\r\n" + (b"" if head_only else payload))


def unquote(path):
    # %XX escapes are decoded before matching ("/%6C%65%64" is "/led"); "+" stays "+"
    out = bytearray()
    i = 0
    raw = path.encode()
    while i < len(raw):
        if raw[i] == 37 and i + 2 < len(raw):
            try:
                out.append(int(raw[i + 1:i + 3], 16))
                i += 3
                continue
            except ValueError:
                pass
        out.append(raw[i])
        i += 1
    return out.decode()


def handle(client):
    client.settimeout(5)
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = client.recv(512)
        if not chunk:
            return
        head += chunk
        if len(head) > 4096:
            return respond(client, 431, {"error": "request head over 4096 bytes"})
    parts = head.split(b"\r\n", 1)[0].decode().split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/"):
        return respond(client, 400, {"error": "malformed request line"})
    method, path = parts[0], unquote(parts[1].split("?", 1)[0])
    handler = ROUTES.get(path)
    if handler is None:
        return respond(client, 404, {"error": "no route " + path})
    if method not in ("GET", "HEAD"):
        return respond(client, 405, {"error": method + " is not allowed on " + path}, allow="GET, HEAD")
    try:
        data = handler()
    except Exception as e:
        print("handler for", path, "failed:", repr(e))
        return respond(client, 500, {"error": "handler failed: " + repr(e)})
    respond(client, 200, {"data": data}, head_only=method == "HEAD")


def join_wifi():
    sta = config.get("sta", {})
    if not sta.get("ssid"):
        return "127.0.0.1"
    import network
    wlan = network.WLAN(network.STA_IF)
    wlan.active(True)
    wlan.connect(sta["ssid"], sta.get("password", ""))
    for _ in range(100):
        if wlan.isconnected():
            break
        time.sleep(0.1)
    return wlan.ifconfig()[0]


def serve():
    ip = join_wifi()
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(socket.getaddrinfo(HOST, PORT)[0][-1])
    server.listen(4)
    print("UCONFORM READY url=http://%s:%d/" % (ip, PORT))
    while True:
        client, _ = server.accept()
        try:
            handle(client)
        except OSError as e:
            print("client failed:", repr(e))
        finally:
            client.close()


serve()
