package io.uconform.client;

import java.nio.charset.StandardCharsets;

/**
 * What a peer did before a deadline: the bytes it sent meanwhile and whether it then closed the
 * connection (a FIN or a reset) or left it open.
 *
 * @param received bytes received while waiting
 * @param closed   true when the peer closed (EOF) or reset the connection
 * @param reset    true when the peer reset it (RST)
 */
public record PeerEnd(byte[] received, boolean closed, boolean reset) {

    /** The first line of what was received, printable ({@code HTTP/1.1 200 OK}), or empty. */
    public String firstLine() {
        String text = new String(received, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        return Escapes.printable((end < 0 ? text : text.substring(0, end)).replace("\r", "")
                .getBytes(StandardCharsets.ISO_8859_1), 120);
    }

    /** True when what arrived starts a status line with {@code status}, e.g. 408. */
    public boolean startsWithStatus(int status) {
        return firstLine().matches("HTTP/1\\.[01] " + status + "( .*)?");
    }

    /** In words: "closed the connection without a response", "sent 33 bytes (HTTP/1.1 200 OK), then closed". */
    public String describe() {
        String how = reset ? "reset the connection" : closed ? "closed the connection" : "left the connection open";
        if (received.length == 0) {
            return how + (closed ? " without a response" : " and sent nothing");
        }
        return "sent " + received.length + " bytes (" + firstLine() + "), then " + how.replace("the connection",
                "it");
    }
}
