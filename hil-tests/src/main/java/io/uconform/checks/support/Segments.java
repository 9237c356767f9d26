package io.uconform.checks.support;

import io.uconform.client.RawConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ways to cut a request into many TCP writes (PROTO-06). Every piece is its own write; paced plans
 * wait between pieces (bounded by watching the connection, so a server that closes ends the wait).
 */
public final class Segments {

    private Segments() {
    }

    /** A request cut into pieces, sent in order. */
    public record Plan(String description, List<byte[]> pieces, Duration pause) {

        public void sendOn(RawConnection c) {
            for (int i = 0; i < pieces.size(); i++) {
                c.send(pieces.get(i));
                // no pause after the last piece: the wait would swallow the response
                boolean last = i == pieces.size() - 1;
                if (!last && !pause.isZero() && c.closedByPeerWithin(pause)) {
                    return;
                }
            }
        }

        @Override
        public String toString() {
            return description + " (" + pieces.size() + " writes)";
        }
    }

    /** One write per byte of {@code [from, to)}; the rest in one write before and after. */
    public static Plan bytesOf(String request, int from, int to) {
        byte[] all = request.getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> pieces = new ArrayList<>();
        if (from > 0) {
            pieces.add(slice(all, 0, from));
        }
        for (int i = from; i < to; i++) {
            pieces.add(slice(all, i, i + 1));
        }
        if (to < all.length) {
            pieces.add(slice(all, to, all.length));
        }
        return new Plan("bytes " + from + ".." + to + " one at a time", pieces, Duration.ZERO);
    }

    /** Cuts after every CR, so each CRLF is split across two writes. */
    public static Plan splitAfterEachCr(String request) {
        byte[] all = request.getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\r') {
                pieces.add(slice(all, start, i + 1));
                start = i + 1;
            }
        }
        pieces.add(slice(all, start, all.length));
        return new Plan("cut after every CR", pieces, Duration.ofMillis(2));
    }

    /** Pieces of {@code size} bytes with a short pause between them (separate TCP segments). */
    public static Plan paced(String request, int size) {
        byte[] all = request.getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> pieces = new ArrayList<>();
        for (int i = 0; i < all.length; i += size) {
            pieces.add(slice(all, i, Math.min(all.length, i + size)));
        }
        return new Plan(size + "-byte pieces 5 ms apart", pieces, Duration.ofMillis(5));
    }

    private static byte[] slice(byte[] all, int from, int to) {
        byte[] piece = new byte[to - from];
        System.arraycopy(all, from, piece, 0, piece.length);
        return piece;
    }
}
