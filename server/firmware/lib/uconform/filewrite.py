# /files/... writes: uploads stored through a .part file renamed when complete, directories, deletes.
import os
from uconform import response
from uconform.errors import HttpError
from uconform.files_api import DIR_FLAG, stat_of


def store(root, parts, trailing, path, req):
    if trailing:
        mkdirs(root, parts)
        return response.data({"path": "/" + "/".join(parts) + "/", "type": "directory"}, 201)
    if not parts:
        raise HttpError(400, "a file name is required")
    mkdirs(root, parts[:-1])
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


def delete(path):
    st = stat_of(path)
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


def mkdirs(root, parts):
    path = root
    for part in parts:
        path = path + "/" + part
        st = stat_of(path)
        if st is None:
            os.mkdir(path)
        elif not st[0] & DIR_FLAG:
            raise HttpError(409, "a file is in the way: /" + "/".join(parts))


def _remove(path):
    try:
        os.remove(path)
    except OSError:
        pass
