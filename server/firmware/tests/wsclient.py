# Client-side frame building for the WebSocket tests (masked, as a browser sends them).


def frame(opcode, payload=b"", fin=True, mask=b"\x01\x02\x03\x04", rsv=0):
    n = len(payload)
    first = (0x80 if fin else 0) | rsv | opcode
    if n < 126:
        head = bytes([first, 0x80 | n])
    elif n < 65536:
        head = bytes([first, 0x80 | 126, n >> 8, n & 0xFF])
    else:
        head = bytes([first, 0x80 | 127]) + n.to_bytes(8, "big")
    if mask is None:
        return bytes([head[0], head[1] & 0x7F]) + head[2:] + payload
    body = bytearray(payload)
    for i in range(n):
        body[i] ^= mask[i & 3]
    return head + mask + bytes(body)
