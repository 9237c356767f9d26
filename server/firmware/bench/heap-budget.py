#!/usr/bin/env python3
"""The firmware's memory budget on the MicroPython unix port: free heap after boot and while each
feature is active (one upload, one WebSocket, one SSE subscriber, four clients mid-request), as
the firmware's own GET /system reports it (gc.mem_free() after a collection).

  server/firmware/bench/heap-budget.py [HEAP=128K]
  MPY_CROSS=<path of mpy-cross> server/firmware/bench/heap-budget.py 128K   (lib/ precompiled to .mpy)

Needs `micropython` on PATH (never builds it; nor mpy-cross). Runs the firmware from a temporary copy with the
stand-in machine module of bench/stub on 127.0.0.1 (no virtual board, no network module)."""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIRMWARE = os.path.dirname(HERE)
AUTH = "Basic " + base64.b64encode(b"admin:bench-pass").decode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def precompile(lib):
    """With MPY_CROSS set: each lib/ module as .mpy bytecode, its source removed (as the host
    target's option mpy-cross does and as a small board is deployed)."""
    cross = os.environ.get("MPY_CROSS")
    if not cross:
        return
    if not (os.path.isfile(cross) and os.access(cross, os.X_OK)):
        raise SystemExit("heap-budget: MPY_CROSS=%s is not an executable file" % cross)
    for top, _, files in os.walk(lib):
        for name in files:
            if name.endswith(".py"):
                src = os.path.join(top, name)
                rel = "lib/" + os.path.relpath(src, lib)[:-3] + ".mpy"  # the path it is imported by
                done = subprocess.run([cross, "-o", src[:-3] + ".mpy", "-s", rel, src], capture_output=True,
                                      text=True, timeout=30)
                if done.returncode != 0:
                    raise SystemExit("heap-budget: %s could not compile %s: %s" % (cross, rel, (done.stdout + done.stderr).strip()))
                os.remove(src)


def start(heap, port):
    work = tempfile.mkdtemp(prefix="uconform-budget-")
    for name in ("boot.py", "main.py", "lib", "apps", "www"):
        src = os.path.join(FIRMWARE, name)
        (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(work, name))
    precompile(os.path.join(work, "lib"))
    with open(os.path.join(FIRMWARE, "config.json")) as f:
        cfg = json.load(f)
    cfg["server"].update({"host": "127.0.0.1", "port": port, "limits": {"max_clients": 5}})
    cfg["auth"] = {"user": "admin", "password": "bench-pass"}
    with open(os.path.join(work, "config.json"), "w") as f:
        json.dump(cfg, f)
    env = dict(os.environ, MICROPYPATH=os.path.join(HERE, "stub") + ":lib:")
    proc = subprocess.Popen(["micropython", "-X", "heapsize=" + heap, "main.py"], cwd=work, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if "UCONFORM READY" in line:
            if "mode=recovery" in line:
                proc.kill()
                proc.wait()
                shutil.rmtree(work, ignore_errors=True)
                raise SystemExit("heap-budget: the firmware booted into recovery at " + heap)
            return proc, work
        if not line and proc.poll() is not None:
            break
    proc.kill()
    proc.wait()
    shutil.rmtree(work, ignore_errors=True)
    raise SystemExit("heap-budget: no UCONFORM READY line at " + heap)


def connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.settimeout(10)
    return s


def reply(s):
    data = b""
    while b"\r\n\r\n" not in data:
        data += s.recv(65536)
    head, rest = data.split(b"\r\n\r\n", 1)
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(rest) < length:
        rest += s.recv(65536)
    return int(head.split(b" ")[1]), rest[:length]


def free_heap(port):
    s = connect(port)
    s.sendall(b"GET /system HTTP/1.1\r\nHost: b\r\nConnection: close\r\n\r\n")
    status, body = reply(s)
    s.close()
    return json.loads(body)["data"]["free_heap"]


def main():
    heap = sys.argv[1] if len(sys.argv) > 1 else "128K"
    port = free_port()
    proc, work = start(heap, port)
    rows = []
    try:
        boot = free_heap(port)
        rows.append(("free after boot", boot, ""))

        s = connect(port)  # one upload, half sent (written to its .part file as it arrives)
        s.sendall(b"PUT /files/budget.bin HTTP/1.1\r\nHost: b\r\nAuthorization: " + AUTH.encode()
                  + b"\r\nContent-Length: 1048576\r\n\r\n" + b"u" * 524288)
        time.sleep(0.5)
        during = free_heap(port)
        try:
            s.sendall(b"u" * 524288)
            status, answer = reply(s)
            note = "answered %d" % status + ("" if status == 201 else ": " + answer.decode()[:80])
        except OSError as e:
            note = "upload cut by the server: " + type(e).__name__
        s.close()
        rows.append(("one 1 MiB upload, half sent", during, note))

        s = connect(port)  # one WebSocket, a 128 KiB message half received
        s.sendall(b"GET /ws HTTP/1.1\r\nHost: b\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        head = b""
        while b"\r\n\r\n" not in head:
            head += s.recv(4096)
        ws_status = head.split(b"\r\n")[0].decode()
        n = 128 * 1024
        s.sendall(bytes([0x82, 0xFF]) + n.to_bytes(8, "big") + b"\x00\x00\x00\x00" + b"w" * (n // 2))
        time.sleep(0.5)
        rows.append(("one WebSocket, 128 KiB message half received", free_heap(port), ws_status))
        s.close()

        s = connect(port)  # one SSE subscriber
        s.sendall(b"GET /events HTTP/1.1\r\nHost: b\r\n\r\n")
        sse_status = s.recv(4096).split(b"\r\n")[0].decode()
        time.sleep(0.3)
        rows.append(("one SSE subscriber", free_heap(port), sse_status))
        s.close()

        clients = []  # four clients, each mid-way through a 64 KiB JSON body
        for i in range(4):
            c = connect(port)
            c.sendall(b"POST /echo HTTP/1.1\r\nHost: b\r\nContent-Length: 65536\r\n\r\n" + b"[" + b"1," * 16000)
            clients.append(c)
        time.sleep(0.5)
        rows.append(("four clients, each 32 KiB into a 64 KiB body", free_heap(port), ""))
        for c in clients:
            c.close()
        time.sleep(0.5)
        rows.append(("free after all of it", free_heap(port), ""))
    finally:
        proc.kill()
        proc.wait()
        shutil.rmtree(work, ignore_errors=True)
    version = subprocess.run(["micropython", "-c", "import sys; print(sys.version)"],
                             capture_output=True, text=True).stdout.strip()
    print("heap %s, %s, %s" % (heap, version, "lib/ precompiled by " + os.environ["MPY_CROSS"]
                                if os.environ.get("MPY_CROSS") else "lib/ from source"))
    print("| state | free heap (bytes) | cost vs. boot |")
    print("|---|---|---|")
    for name, value, note in rows:
        cost = "" if name == "free after boot" else str(boot - value)
        print("| %s | %d | %s%s |" % (name, value, cost, (" (" + note + ")") if note else ""))


if __name__ == "__main__":
    main()
