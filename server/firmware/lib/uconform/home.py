# HOME-01: post boot and pin events to the configured home URL from a background thread,
# retrying with exponential backoff on 5xx, timeouts and refused connections; serving never waits.
import json
from uconform import homepost
from uconform.compat import allocate_lock, start_thread, sleep_ms

MAX_QUEUE = 20


def parse_url(url):
    """'http://host:port/path' -> (host, port, path); ValueError for anything else."""
    if not url.startswith("http://"):
        raise ValueError("home url must start with http://")
    rest = url[7:]
    slash = rest.find("/")
    hostport, path = (rest, "/") if slash < 0 else (rest[:slash], rest[slash:])
    host, port = hostport, 80
    if ":" in hostport:
        host, port_text = hostport.rsplit(":", 1)
        port = int(port_text)
    if not host:
        raise ValueError("home url has no host")
    return host, port, path


class HomeReporter:
    def __init__(self, url, device_name, say, attempts=5, backoff_ms=250, timeout_s=3):
        self.host, self.port, self.path = parse_url(url)
        self.device_name = device_name
        self.say = say
        self.attempts = attempts
        self.backoff_ms = backoff_ms
        self.timeout_s = timeout_s
        self.queue = []
        self.lock = allocate_lock()
        self.running = False

    def post(self, event, value):
        """Queues an event (the oldest is dropped past MAX_QUEUE) and returns at once."""
        body = json.dumps({"event": event, "device": self.device_name, "data": value})
        with self.lock:
            if len(self.queue) >= MAX_QUEUE:
                self.queue.pop(0)
            self.queue.append((event, body))
            if self.running:
                return
            self.running = True
        try:
            start_thread(self._drain)
        except (MemoryError, OSError, RuntimeError):
            with self.lock:
                self.running = False  # the next event tries again
            raise

    def _drain(self):
        while True:
            with self.lock:
                if not self.queue:
                    self.running = False
                    return
                event, body = self.queue.pop(0)
            self._deliver(event, body)

    def _deliver(self, event, body):
        delay = self.backoff_ms
        status = None
        for attempt in range(self.attempts):
            status = homepost.send(self.host, self.port, self.path, body, self.timeout_s)
            if status is not None and status < 500:
                return
            if attempt + 1 < self.attempts:
                sleep_ms(delay)
                delay *= 2
        self.say("UCONFORM HOME gave up event=" + event + " after " + str(self.attempts)
                 + " attempts (last status " + str(status) + ")")
