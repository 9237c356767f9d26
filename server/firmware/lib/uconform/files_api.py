# /files/...: static files streamed in small chunks, listings, uploads (FILE, UP groups).
import json
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
            return _listing(root, "/".join(parts))
        return _served(path, req)
    if req.method == "DELETE":
        return _delete(path)
    if trailing:
        _mkdirs(root, parts)
        return response.data({"path": "/" + "/".join(parts) + "/", "type": "directory"}, 201)
    if not parts:
        raise HttpError(400, "a file name is required")
    _mkdirs(root, parts[:-1])
    tmp = path + ".part"
    sink = req.spool
    try:
        if sink is not None and sink.path == tmp:
            req.spool = None  # the body is already in the .part file (upload_sink)
            size = sink.size
        else:
            with open(tmp, "wb") as f:
                size = _copy_body(req, f)
        _remove(path)
        os.rename(tmp, path)
    except OSError:
        _remove(tmp)
        raise HttpError(500, "could not store the file")
    return response.data({"path": "/" + "/".join(parts), "size": size}, 201)


def upload_sink(root, req):
    """A large upload is written into <path>.part as it arrives (renamed when complete)."""
    if req.method not in ("PUT", "POST"):
        return None
    parts, trailing = safe_relative(req.params.get("*", ""))
    if trailing or not parts:
        return None
    _mkdirs(root, parts[:-1])
    from uconform import body
    return body.FileSink("/".join([root] + parts) + ".part")


def _copy_body(req, f):
    if req.spool is None:
        f.write(req.body)
        return len(req.body)
    with open(req.spool.path, "rb") as src:
        while True:
            piece = src.read(1024)
            if not piece:
                return req.spool.size
            f.write(piece)


def _served(path, req):
    resp = _serve(path)
    if req.query_param("chunked") == "1":
        resp.chunked = True  # CHUNK-02: the same bytes in chunked transfer coding
    return resp


def _serve(path):
    st = _stat(path)
    if st is None or st[0] & DIR_FLAG:
        raise HttpError(404, "no such file")
    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return response.Response(200, content_type=TYPES.get(ext, "application/octet-stream"),
                             stream=open(path, "rb"), length=st[6])


def _listing(root, rel):
    base = root + ("/" + rel if rel else "")
    st = _stat(base)
    if st is None or not st[0] & DIR_FLAG:
        raise HttpError(404, "no such directory")
    entries = []
    for name in sorted(os.listdir(base)):
        est = _stat(base + "/" + name)
        if est is None or name.endswith(".part"):
            continue
        is_dir = bool(est[0] & DIR_FLAG)
        entries.append({"path": name, "type": "directory" if is_dir else "file", "size": 0 if is_dir else est[6]})
    # FILE-03: the listing itself is the body (no {"data": ...} envelope), as file servers answer
    listing = {"path": "/" + rel + ("/" if rel else ""), "list": entries}
    return response.Response(200, json.dumps(listing).encode())


def _delete(path):
    st = _stat(path)
    if st is None:
        raise HttpError(404, "no such file")
    try:
        if st[0] & DIR_FLAG:
            os.rmdir(path)
        else:
            os.remove(path)
    except OSError:
        raise HttpError(409, "could not delete (directory not empty?)")
    return None


def _mkdirs(root, parts):
    path = root
    for part in parts:
        path = path + "/" + part
        st = _stat(path)
        if st is None:
            os.mkdir(path)
        elif not st[0] & DIR_FLAG:
            raise HttpError(409, "a file is in the way: /" + "/".join(parts))


def _stat(path):
    try:
        return os.stat(path)
    except OSError:
        return None


def _remove(path):
    try:
        os.remove(path)
    except OSError:
        pass
