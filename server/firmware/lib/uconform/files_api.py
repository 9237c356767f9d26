# /files/...: static files streamed in small chunks, listings, uploads (FILE, UP groups).
# Listings are in filelist.py, writes and deletes in filewrite.py (each compiles in a few KB).
import os
from uconform import response
from uconform.errors import HttpError

TYPES = {"html": "text/html", "htm": "text/html", "css": "text/css", "js": "application/javascript",
         "json": "application/json", "txt": "text/plain", "png": "image/png", "jpg": "image/jpeg",
         "ico": "image/x-icon", "svg": "image/svg+xml", "py": "text/plain"}
DIR_FLAG = 0x4000


def install(app, root):
    from uconform import lazy
    lazy.files(app, root)


def handle(root, req):
    if req.params.get("*") is None:
        return _served(root + "/index.html", req)  # /files: the web root's page
    return _handle(root, req)


def safe_relative(rest):
    """Segments of a decoded path below the root; 400 for anything that could leave it (FILE-04)."""
    if "\\" in rest or "\x00" in rest:
        raise HttpError(400, "invalid file path")
    parts = rest.split("/")
    trailing = parts and parts[-1] == ""
    if trailing:
        parts = parts[:-1]
    for part in parts:
        if part in ("", ".", ".."):
            raise HttpError(400, "invalid file path")
    return parts, trailing


def _handle(root, req):
    parts, trailing = safe_relative(req.params.get("*", ""))
    path = "/".join([root] + parts)
    if req.method == "GET" or req.method == "HEAD":
        if trailing or not parts:
            return _lazy("filelist").listing(root, "/".join(parts))
        return _served(path, req)
    if req.method == "DELETE":
        return _lazy("filewrite").delete(path)
    return _lazy("filewrite").store(root, parts, trailing, path, req)


def _lazy(name):
    from uconform import lazy
    return lazy.load(name)


def upload_sink(root, req):
    """A large upload is written into <path>.part as it arrives (renamed when complete)."""
    if req.method not in ("PUT", "POST"):
        return None
    parts, trailing = safe_relative(req.params.get("*", ""))
    if trailing or not parts:
        return None
    _lazy("filewrite").mkdirs(root, parts[:-1])
    from uconform import body
    return body.FileSink("/".join([root] + parts) + ".part")


def _served(path, req):
    resp = _serve(path)
    if req.query_param("chunked") == "1":
        resp.chunked = True  # CHUNK-02: the same bytes in chunked transfer coding
    return resp


def _serve(path):
    st = stat_of(path)
    if st is None or st[0] & DIR_FLAG:
        raise HttpError(404, "no such file")
    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return response.Response(200, content_type=TYPES.get(ext, "application/octet-stream"),
                             stream=open(path, "rb"), length=st[6])


def stat_of(path):
    try:
        return os.stat(path)
    except OSError:
        return None
