package io.uconform.server;

/**
 * Faults the reference server can inject, for the suite's self-tests: each constant breaks
 * exactly one requirement (named by {@link #requirement()}) and leaves the others intact.
 */
public enum ServerFault {
    /** HEAD responses carry the GET body. */
    HEAD_WITH_BODY("PROTO-03"),
    /** Routes match the raw, still percent-encoded path, so {@code /%6Ced} is not {@code /led}. */
    PATH_NOT_DECODED("PROTO-04"),
    /** {@code +} in the query stays {@code +} instead of becoming a space. */
    PLUS_NOT_SPACE_IN_QUERY("PROTO-05"),
    /** The index lists the routes in reverse order. */
    INDEX_UNSORTED("CORE-01"),
    /** A trailing slash is ignored when matching ({@code /led/} serves {@code /led}). */
    TRAILING_SLASH_IGNORED("CORE-05"),
    /** 405 responses have no {@code Allow} header. */
    NO_ALLOW_ON_405("METH-01"),
    /** Lowercase method tokens are upper-cased and served instead of 501. */
    LOWERCASE_METHOD_ACCEPTED("METH-02"),
    /** POST/PUT with a body but no length is served with an empty body instead of 411. */
    NO_411("METH-03"),
    /** OPTIONS is passed to the route's handler. */
    OPTIONS_ROUTED_TO_HANDLER("METH-04"),
    /** {@code HTTP/2.0} (any 2.x or higher version) is served as HTTP/1.1 instead of 505. */
    HTTP2_VERSION_ACCEPTED("ERR-02"),
    /** HTTP/1.1 requests without Host are served. */
    MISSING_HOST_ACCEPTED("ERR-03"),
    /** Obsolete line folding is joined into the previous header instead of 400. */
    OBS_FOLD_ACCEPTED("ERR-04"),
    /** HTTP/1.0 requests keep the connection open even without {@code Connection: keep-alive}. */
    HTTP10_KEPT_ALIVE("KA-02"),
    /** Idle persistent connections are never closed by the server. */
    NO_IDLE_TIMEOUT("KA-04"),
    /** Requests already received behind the current one (pipelined) are discarded. */
    PIPELINE_DROPPED("KA-05"),
    /** An incomplete head is waited for without the header timeout. */
    NO_HEADER_TIMEOUT("LIM-04"),
    /** A request body is bounded per read (the header timeout) instead of as a whole: a trickle never ends. */
    BODY_DEADLINE_PER_READ("LIM-07"),
    /** A WebSocket frame is bounded only by the idle timeout between its bytes, never as a whole. */
    WS_FRAME_NO_DEADLINE("LIM-08"),
    /** When no client slot can be freed, the acceptor waits up to 250 ms per connection before its 503. */
    ACCEPTOR_WAITS("LIM-09"),
    /** Only idle connections are dropped for a newcomer: slow clients holding every slot lock others out. */
    NO_UNFINISHED_EVICTION("ROB-04"),
    /** {@code PUT /config} and {@code POST /system/reset} need no credentials even when they are configured. */
    STATE_CHANGE_UNPROTECTED("AUTH-07"),
    /** Bodies over the limit are read and served instead of 413 (upload routes keep theirs: UP-03). */
    NO_413("LIM-03"),
    /** {@code 100 Continue} is sent even when the route is missing or the method not allowed. */
    EXPECT_ALWAYS_CONTINUE("LIM-06"),
    /** After 30 rejected malformed requests, {@code GET /} answers 500. */
    DEGRADES_AFTER_HOSTILE_INPUT("ROB-01"),
    /** The server stops listening and closes every connection when it receives any HEAD request. */
    CRASH_ON_HEAD("ROB-03"),
    /** Background routes run their work before answering. */
    NOWAIT_BLOCKS("NOWAIT-01"),
    /** The event stream is sent without {@code Cache-Control: no-cache}. */
    SSE_NO_CACHE_CONTROL("SSE-01"),
    /** Multi-line event data is sent as one {@code data:} line with the line breaks inside. */
    SSE_MULTILINE_DATA_UNSPLIT("SSE-02"),
    /** A broadcast reaches only the newest subscriber. */
    SSE_NEWEST_SUBSCRIBER_ONLY("SSE-03"),
    /** Subscribers beyond the cap are accepted instead of 503. */
    SSE_NO_SUBSCRIBER_CAP("SSE-04"),
    /** {@code Sec-WebSocket-Accept} is computed without the RFC 6455 GUID. */
    WS_WRONG_ACCEPT("WS-01"),
    /** Upgrades without a key or with a version other than 13 get 101. */
    WS_BAD_UPGRADE_ACCEPTED("WS-02"),
    /** Binary messages are echoed as text frames. */
    WS_BINARY_ECHOED_AS_TEXT("WS-03"),
    /** PING frames are ignored (no PONG). */
    WS_PING_IGNORED("WS-04"),
    /** Unmasked client frames are accepted. */
    WS_UNMASKED_ACCEPTED("WS-05"),
    /** Text messages are not checked for valid UTF-8. */
    WS_UTF8_UNCHECKED("WS-06"),
    /** A client CLOSE is not answered: the TCP connection is just closed. */
    WS_CLOSE_UNANSWERED("WS-07"),
    /** Parts of a multipart stream are delimited by a boundary other than the declared one. */
    STREAM_WRONG_BOUNDARY("STREAM-01"),
    /** Home events are posted once: no retry on 5xx or timeouts. */
    HOME_NO_RETRY("HOME-01"),
    /** 401 answers carry no {@code WWW-Authenticate} challenge. */
    AUTH_NO_CHALLENGE("AUTH-01"),
    /** The user name is not compared: any user with the right password gets in. */
    AUTH_ANY_USER("AUTH-02"),
    /** Only the exact scheme token {@code Basic} is accepted ({@code basic}, {@code BASIC} get 401). */
    AUTH_SCHEME_CASE_SENSITIVE("AUTH-03"),
    /** {@code Authorization: Bearer <password>} authenticates like Basic credentials. */
    AUTH_BEARER_ACCEPTED("AUTH-04"),
    /** An auth callback's truthy result (any non-null value other than FALSE) grants access. */
    AUTH_CALLBACK_TRUTHY("AUTH-05"),
    /** File deletes under {@code /files/} need no credentials. */
    FILE_DELETE_UNPROTECTED("AUTH-06"),
    /** With CORS on, error responses (4xx/5xx) carry no {@code Access-Control-Allow-Origin}. */
    CORS_MISSING_ON_ERRORS("CORS-01"),
    /** With CORS on, a preflight is passed to the route's handler for the requested method. */
    CORS_PREFLIGHT_TO_HANDLER("CORS-02"),
    /** With CORS off, every response still carries {@code Access-Control-Allow-Origin: *}. */
    CORS_HEADER_WHEN_OFF("CORS-03"),
    /** Static files are always served as {@code application/octet-stream}. */
    FILE_WRONG_CONTENT_TYPE("FILE-01"),
    /** A missing file is answered {@code 200} with an empty body. */
    FILE_MISSING_EMPTY_200("FILE-02"),
    /** Directory listings leave out the {@code size} of entries. */
    LISTING_WITHOUT_SIZE("FILE-03"),
    /** File paths are resolved without confining them to the web root ({@code ..} escapes). */
    FILE_TRAVERSAL("FILE-04"),
    /** DELETE of a file answers success but leaves the file in place. */
    DELETE_IGNORED("UP-01"),
    /** Bound to {@code ::}, the server listens on {@code ::1} only, so {@code 127.0.0.1} is refused. */
    NET6_V6_ONLY("NET6-01");

    private final String requirement;

    ServerFault(String requirement) {
        this.requirement = requirement;
    }

    /** The requirement ID this fault breaks, e.g. {@code "PROTO-03"}. */
    public String requirement() {
        return requirement;
    }
}
