# One HTTP POST of an event to the home server (HOME-01), for home.py's reporter thread.
import socket


def send(host, port, path, body, timeout_s):
    """The response status, or None on a timeout or connection error."""
    s = socket.socket()
    try:
        s.settimeout(timeout_s)
        s.connect(socket.getaddrinfo(host, port)[0][-1])
        data = body.encode()
        head = "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n" \
               "Content-Length: %d\r\nConnection: close\r\n\r\n" % (path, host, len(data))
        s.send(head.encode() + data)
        line = b""
        while b"\r\n" not in line and len(line) < 256:
            chunk = s.recv(64)
            if not chunk:
                break
            line += chunk
        parts = line.split(b" ")
        return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    except (OSError, ValueError):
        return None
    finally:
        s.close()
