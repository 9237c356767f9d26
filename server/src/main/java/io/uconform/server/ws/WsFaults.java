package io.uconform.server.ws;

import io.uconform.server.ServerFault;
import io.uconform.server.ServerOptions;

/** The WebSocket faults in force, read once from the server options. */
record WsFaults(boolean wrongAccept, boolean badUpgradeAccepted, boolean binaryAsText, boolean pingIgnored,
                boolean unmaskedAccepted, boolean utf8Unchecked, boolean closeUnanswered,
                boolean frameDeadlineIgnored) {

    static WsFaults of(ServerOptions options) {
        return new WsFaults(options.has(ServerFault.WS_WRONG_ACCEPT), options.has(ServerFault.WS_BAD_UPGRADE_ACCEPTED),
                options.has(ServerFault.WS_BINARY_ECHOED_AS_TEXT), options.has(ServerFault.WS_PING_IGNORED),
                options.has(ServerFault.WS_UNMASKED_ACCEPTED), options.has(ServerFault.WS_UTF8_UNCHECKED),
                options.has(ServerFault.WS_CLOSE_UNANSWERED),
                options.has(ServerFault.WS_FRAME_NO_DEADLINE));
    }
}
