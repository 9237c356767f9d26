# /files/.../ listings (FILE-03).
import json
import os
from uconform import response
from uconform.errors import HttpError
from uconform.files_api import DIR_FLAG, stat_of


def listing(root, rel):
    base = root + ("/" + rel if rel else "")
    st = stat_of(base)
    if st is None or not st[0] & DIR_FLAG:
        raise HttpError(404, "no such directory")
    entries = []
    for name in sorted(os.listdir(base)):
        est = stat_of(base + "/" + name)
        if est is None or name.endswith(".part"):
            continue
        is_dir = bool(est[0] & DIR_FLAG)
        entries.append({"path": name, "type": "directory" if is_dir else "file", "size": 0 if is_dir else est[6]})
    # FILE-03: the listing itself is the body (no {"data": ...} envelope), as file servers answer
    listing = {"path": "/" + rel + ("/" if rel else ""), "list": entries}
    return response.Response(200, json.dumps(listing).encode())
