# Unmasking client payloads and checking close payloads (RFC 6455 5.3, 5.5.1, 7.4).
from uconform.ws import ProtocolError, valid_utf8


UNMASK_STEP = 256  # a multiple of 4, so every block starts at mask byte 0; small: each step holds ~6 blocks of it


def unmask(payload, mask):
    """XORs the payload with the 4-byte mask a block at a time (big-int XOR: no per-byte loop)."""
    block = mask * (UNMASK_STEP // 4)
    full_key = int.from_bytes(block, "big")
    pieces = []
    for start in range(0, len(payload), UNMASK_STEP):
        chunk = payload[start:start + UNMASK_STEP]
        k = len(chunk)
        key = full_key if k == UNMASK_STEP else int.from_bytes(block[:k], "big")
        pieces.append((int.from_bytes(chunk, "big") ^ key).to_bytes(k, "big"))
    return b"".join(pieces)


def close_code(payload):
    if len(payload) == 0:
        return 1000
    if len(payload) == 1:
        raise ProtocolError(1002, "close payload of one byte")
    code = int.from_bytes(payload[:2], "big")
    if code < 1000 or code in (1004, 1005, 1006, 1015) or 1016 <= code < 3000 or code >= 5000:
        raise ProtocolError(1002, "invalid close code")
    if not valid_utf8(payload[2:]):
        raise ProtocolError(1007, "invalid UTF-8 in the close reason")
    return code
