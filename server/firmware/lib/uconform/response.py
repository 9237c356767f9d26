# Responses and the JSON envelope (CORE-02, ERR-07).
import json

REASONS = {
    100: "Continue", 101: "Switching Protocols", 200: "OK", 201: "Created", 204: "No Content",
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict", 411: "Length Required",
    413: "Content Too Large", 414: "URI Too Long", 417: "Expectation Failed",
    431: "Request Header Fields Too Large", 500: "Internal Server Error",
    501: "Not Implemented", 503: "Service Unavailable", 505: "HTTP Version Not Supported",
}

JSON_TYPE = "application/json"
LIST_PIECES = 8  # a list answer longer than this is encoded item by item as the socket takes it


class Response:
    """status, headers [(name, value)], body bytes or a stream (read(n)) with a known length."""

    def __init__(self, status=200, body=b"", content_type=JSON_TYPE, headers=None,
                 stream=None, length=None):
        self.status = status
        self.body = body
        self.content_type = content_type
        self.headers = headers or []
        self.stream = stream
        self.length = length if stream is not None else len(body)
        self.after = None  # called once the response has been sent (e.g. reset)
        self.upgrade = None  # factory(limits) of a protocol session taking over the connection
        self.chunked = False  # stream the body with Transfer-Encoding: chunked (CHUNK-02)

    def with_header(self, name, value):
        self.headers.append((name, value))
        return self


def data(value, status=200):
    if isinstance(value, list) and len(value) > LIST_PIECES:
        from uconform import lazy  # listbody costs heap only where a long list is answered
        body = lazy.load("listbody").ListBody(value)
        return Response(status, stream=body, length=body.length)
    return Response(status, json.dumps({"data": value}).encode())


def error(status, message, headers=None):
    return Response(status, json.dumps({"error": message}).encode(), headers=headers)


def encode_head(resp, close, head_only=False):
    """The status line and headers; Content-Length always (PROTO-02), never chunked here."""
    reason = REASONS.get(resp.status, "Status")
    out = ["HTTP/1.1 %d %s\r\n" % (resp.status, reason)]
    if resp.status != 204 and resp.status != 101:
        out.append("Content-Type: %s\r\n" % resp.content_type)
        if resp.chunked:
            out.append("Transfer-Encoding: chunked\r\n")
        elif resp.length is not None:  # None: a stream that ends when the connection closes (SSE)
            out.append("Content-Length: %d\r\n" % resp.length)
    own_connection = False
    for name, value in resp.headers:
        out.append("%s: %s\r\n" % (name, value))
        own_connection = own_connection or name.lower() == "connection"
    if resp.status != 101 and not own_connection:
        out.append("Connection: close\r\n" if close else "Connection: keep-alive\r\n")
    out.append("\r\n")
    return "".join(out).encode()
