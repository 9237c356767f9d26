# Request head and body framing: pure functions over bytes, no sockets.
from uconform.errors import HttpError
from uconform.request import Request
from uconform.urlcodec import percent_decode, parse_query

KNOWN_METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")
_TCHAR_EXTRA = "!#$%&'*+-.^_`|~"


def _is_token(text):
    if not text:
        return False
    for ch in text:
        if not (ch.isalpha() or ch.isdigit() or ch in _TCHAR_EXTRA):
            return False
    return True


def _check_request_line_bytes(line):
    for b in line:
        if b < 32 or b > 126:
            raise HttpError(400, "control or non-ASCII byte in request line", True)


def find_head_end(buf):
    """Index just past the blank line ending the head, or -1 while incomplete."""
    end = buf.find(b"\r\n\r\n")
    return -1 if end < 0 else end + 4


def skip_leading_crlf(buf):
    i = 0
    while buf[i:i + 2] == b"\r\n":
        i += 2
    return i


def check_incomplete_head(buf, limits):
    """Raises 414/431 when an unfinished head is already over a limit."""
    line_end = buf.find(b"\r\n")
    if line_end < 0:
        if len(buf) > limits.max_target_bytes + 32:
            raise HttpError(414, "request target too long", True)
        if len(buf) > limits.max_header_bytes:
            raise HttpError(431, "request header fields too large", True)
    elif len(buf) > limits.max_header_bytes:
        raise HttpError(431, "request header fields too large", True)


def parse_request_line(line, limits):
    _check_request_line_bytes(line)
    text = line.decode()
    parts = text.split(" ")
    if len(parts) != 3 or not parts[0] or not parts[1] or not parts[2]:
        raise HttpError(400, "malformed request line", True)
    method, target, version = parts
    if not _is_token(method):
        raise HttpError(400, "malformed method token", True)
    if not version.startswith("HTTP/") or len(version) != 8 or version[6] != "." \
            or not version[5].isdigit() or not version[7].isdigit():
        raise HttpError(400, "malformed HTTP version", True)
    if version not in ("HTTP/1.1", "HTTP/1.0"):
        raise HttpError(505, "HTTP version not supported: " + version, True)
    if len(target) > limits.max_target_bytes:
        raise HttpError(414, "request target too long", True)
    if method not in KNOWN_METHODS:
        raise HttpError(501, "method not implemented: " + method, True)
    if not (target.startswith("/") or (target == "*" and method == "OPTIONS")):
        raise HttpError(400, "request target must start with /", True)
    return method, target, version


def parse_header_lines(lines):
    headers = []
    for raw in lines:
        if raw[:1] in (b" ", b"\t"):
            raise HttpError(400, "obsolete header line folding", True)
        colon = raw.find(b":")
        if colon <= 0:
            raise HttpError(400, "header line without ':'", True)
        try:
            name = raw[:colon].decode()
            value = raw[colon + 1:].decode().strip()
        except UnicodeError:
            raise HttpError(400, "header is not valid UTF-8", True)
        if not _is_token(name):
            raise HttpError(400, "malformed header name", True)
        for ch in value:
            if ch < " " and ch != "\t":
                raise HttpError(400, "control byte in header value", True)
        headers.append((name.lower(), value))
    return headers


def parse_head(head, limits):
    """Parses the bytes of one head (without the final blank line) into a Request."""
    return parse_lines(head.split(b"\r\n"), limits)


def head_lines(buf, end):
    """The lines of buf[:end] without a copy of the whole head first (one block less on a heap)."""
    lines = []
    pos = 0
    while True:
        nl = buf.find(b"\r\n", pos, end)
        if nl < 0:
            lines.append(buf[pos:end])
            return lines
        lines.append(buf[pos:nl])
        pos = nl + 2


def parse_lines(lines, limits):
    method, target, version = parse_request_line(lines[0], limits)
    headers = parse_header_lines(lines[1:])
    qmark = target.find("?")
    raw_path = target if qmark < 0 else target[:qmark]
    path = percent_decode(raw_path, False)
    query = parse_query("" if qmark < 0 else target[qmark + 1:])
    req = Request(method, target, path, query, version, headers)
    _check_framing_headers(req)
    return req


def _check_framing_headers(req):
    hosts = req.header_count("host")
    if hosts > 1:
        raise HttpError(400, "duplicate Host header", True)
    if hosts == 0 and req.version == "HTTP/1.1":
        raise HttpError(400, "missing Host header", True)
    if req.header_count("content-length") > 1:
        raise HttpError(400, "duplicate Content-Length header", True)
    te = req.header("transfer-encoding")
    if te is not None:
        if req.header("content-length") is not None:
            raise HttpError(400, "both Content-Length and Transfer-Encoding", True)
        if te.lower() != "chunked":
            raise HttpError(501, "transfer coding not implemented: " + te, True)


def content_length(req):
    """The declared body length, None when absent; 400 when malformed (ERR-04)."""
    value = req.header("content-length")
    if value is None:
        return None
    if not value or not value.isdigit():
        raise HttpError(400, "invalid Content-Length: " + value, True)
    return int(value)


def looks_like_request_start(data):
    """True when data could begin a next pipelined request (used to decide 411)."""
    for method in KNOWN_METHODS:
        if data.startswith(method.encode() + b" ") or method.encode().startswith(data):
            return True
    return False
