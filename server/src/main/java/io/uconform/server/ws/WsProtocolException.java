package io.uconform.server.ws;

/** A client broke the protocol: the session closes with {@link #code()} (1002, 1007, 1009). */
final class WsProtocolException extends Exception {

    private final int code;

    WsProtocolException(int code, String reason) {
        super(reason);
        this.code = code;
    }

    int code() {
        return code;
    }
}
