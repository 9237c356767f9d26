# A parsed HTTP request (transport-free).
import json
from uconform.errors import HttpError


class Request:
    def __init__(self, method, target, path, query, version, headers):
        self.method = method
        self.target = target      # raw request target as sent
        self.path = path          # percent-decoded, '+' kept
        self.query = query        # {name: [values]}
        self.version = version    # "HTTP/1.1" or "HTTP/1.0"
        self.headers = headers    # [(lower-case name, value)] in arrival order
        self.body = b""
        self.params = {}
        self.user = None          # set by Basic auth
        self.spool = None         # a large body: a finished sink (body.py) instead of self.body

    def header(self, name, default=None):
        name = name.lower()
        for key, value in self.headers:
            if key == name:
                return value
        return default

    def header_count(self, name):
        name = name.lower()
        count = 0
        for key, _ in self.headers:
            if key == name:
                count += 1
        return count

    def query_param(self, name, default=None):
        values = self.query.get(name)
        return values[0] if values else default

    def text(self):
        try:
            if self.spool is not None:
                with open(self.spool.path, "rb") as f:
                    return f.read().decode()
            return self.body.decode()
        except UnicodeError:
            raise HttpError(400, "body is not valid UTF-8")

    def json(self):
        if self.spool is not None:
            from uconform import lazy
            lazy.load("jsonscan").check_file(self.spool.path)  # 400 for what json.load would refuse too
            with open(self.spool.path) as f:
                return json.load(f)  # parsed from the stream: the text is never held whole
        text = self.text()
        if not text.strip():
            raise HttpError(400, "expected a JSON body")
        try:
            return json.loads(text)
        except ValueError:
            raise HttpError(400, "invalid JSON body")

    def wants_close(self):
        """True when the client asked to close after this request (KA-02)."""
        conn = (self.header("connection") or "").lower()
        tokens = [t.strip() for t in conn.split(",")]
        if "close" in tokens:
            return True
        if self.version == "HTTP/1.0":
            return "keep-alive" not in tokens
        return False
