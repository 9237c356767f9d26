# The reference limits of CONFORMANCE section 4; config.json "server.limits" may override any key.

DEFAULTS = {
    "max_clients": 4,
    "max_header_bytes": 4096,
    "max_target_bytes": 1024,
    "max_body_bytes": 64 * 1024,
    "max_upload_bytes": 1024 * 1024,
    "header_timeout_ms": 5000,      # the head complete within this of its first byte
    "body_timeout_ms": 10000,       # a declared body complete within this of the end of its head
    "ws_frame_timeout_ms": 5000,    # a WebSocket frame complete within this of its first byte
    "keep_alive_idle_ms": 15000,
    "max_requests_per_connection": 100,
    "max_sse_subscribers": 3,
    "max_ws_message_bytes": 128 * 1024,
}


class Limits:
    def __init__(self, overrides=None):
        for key in DEFAULTS:
            setattr(self, key, DEFAULTS[key])
        if overrides:
            for key in overrides:
                if key not in DEFAULTS:
                    raise ValueError("unknown limit '" + key + "'")
                value = overrides[key]
                if not isinstance(value, int) or value <= 0:
                    raise ValueError("limit '" + key + "' must be a positive integer")
                setattr(self, key, value)

    def as_dict(self):
        out = {}
        for key in DEFAULTS:
            out[key] = getattr(self, key)
        return out
