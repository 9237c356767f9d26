package io.uconform.checks.support;

import io.uconform.client.PeerEnd;
import io.uconform.client.RawConnection;
import io.uconform.suite.CheckContext;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ways to cut a request into many TCP writes at known byte offsets (PROTO-06). Every piece is its
 * own write, and the next one goes only once the server has read it: on a loopback target the
 * kernel's socket table shows that read ({@link ServerReads}); elsewhere a short pause stands in for
 * it, and the check says so. A server that answers or closes before the request is complete fails
 * there, with the offset it reacted at.
 */
public final class Segments {

    private Segments() {
    }

    /** At most this many cut points per plan wait for the server's read (the others are sent at once). */
    static final int OBSERVED_CUTS = 4;
    /** How long the server may take to read one piece before the check calls it stalled. */
    private static final Duration READ_WAIT = Duration.ofSeconds(2);
    /** Where the server's reads are not observable: the pause that stands in for them. */
    private static final Duration UNOBSERVED_PAUSE = Duration.ofMillis(20);
    /** After the server read a piece: how long an answer to the incomplete request may take to show. */
    private static final Duration REACTION = Duration.ofMillis(5);

    /**
     * The server reacted only after its header timeout had passed since the first piece: this
     * machine sent too slowly (a loaded CI runner), which says nothing about how the server parses
     * a split request. The check sends again rather than judging.
     */
    public static final class SentTooSlowly extends RuntimeException {
        SentTooSlowly(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The time since {@code openedNanos} when it is past the header timeout: a timeout that ran out
     * while this machine was still sending is the machine's slowness, retried and never judged.
     */
    public static Optional<Duration> pastHeaderTimeout(CheckContext ctx, long openedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - openedNanos);
        return took.compareTo(ctx.limits().headerTimeout()) >= 0 ? Optional.of(took) : Optional.empty();
    }

    /** A request cut into pieces, sent in order. */
    public record Plan(String description, List<byte[]> pieces) {

        /**
         * Sends every piece, each once the server read the one before; fails when the server
         * answers or closes before the last piece, or does not read a piece within 2 s.
         */
        public void sendOn(CheckContext ctx, RawConnection c, String what) {
            sendOn(ctx, c, what, System.nanoTime());
        }

        /**
         * As {@link #sendOn(CheckContext, RawConnection, String)}, for a connection opened at
         * {@code openedNanos} ({@link System#nanoTime()}): the server's header timeout runs from then.
         */
        public void sendOn(CheckContext ctx, RawConnection c, String what, long openedNanos) {
            Optional<ServerReads> reads = ServerReads.of(c, ctx.baseUri().getPort());
            ctx.note(reads.isPresent() ? "the server's reads are observed in the kernel's socket table: at "
                    + OBSERVED_CUTS + " cut points the next piece is sent once the server read the previous one"
                    : "the server's reads are not observable (not a loopback target on Linux): at " + OBSERVED_CUTS
                    + " cut points the next piece is sent " + UNOBSERVED_PAUSE.toMillis() + " ms later");
            java.util.Set<Integer> observed = observedPieces(pieces.size());
            // the whole request must still arrive well inside the header timeout (LIM-04): observing stops at a third
            long start = openedNanos;
            long budget = System.nanoTime() + ctx.limits().headerTimeout().toNanos() / 3;
            int sent = 0;
            int cuts = 0;
            for (int i = 0; i < pieces.size(); i++) {
                sendPiece(ctx, c, what, i, sent, start);
                sent += pieces.get(i).length;
                if (i == pieces.size() - 1) {
                    ctx.note(cuts + " of " + observed.size() + " cut points observed");
                    return;
                }
                if (!observed.contains(i) || (cuts > 0 && System.nanoTime() > budget)) {
                    continue;
                }
                cuts++;
                if (reads.isPresent() && !reads.get().awaitRead(READ_WAIT)) {
                    throw new AssertionError(what + " sent as " + this + ": the server did not read the first "
                            + sent + " bytes within " + READ_WAIT.toMillis() + " ms (" + ctx.requirement() + ")");
                }
                Duration wait = reads.isPresent() ? REACTION : UNOBSERVED_PAUSE;
                PeerEnd early = c.awaitPeerEnd(wait);
                if (early.received().length > 0 || early.closed()) {
                    Optional<Duration> late = pastHeaderTimeout(ctx, start);
                    if (late.isPresent()) {
                        throw new SentTooSlowly(what + ": connecting and sending the first " + sent + " of " + total()
                                + " bytes took " + late.get().toMillis() + " ms, past the header timeout of "
                                + ctx.limits().headerTimeout().toMillis() + " ms, and the server " + early.describe());
                    }
                    throw new AssertionError(what + " sent as " + this + ": after the first " + sent + " of "
                            + total() + " bytes the server " + early.describe() + "; a request split across "
                            + "segments is parsed as a whole (" + ctx.requirement() + ")");
                }
            }
        }

        /**
         * Sends piece {@code index}; a send the server refused (it closed or reset the connection)
         * is judged like an early close: the machine's slowness past the header timeout, or the
         * server giving up on a request that was still arriving.
         */
        private void sendPiece(CheckContext ctx, RawConnection c, String what, int index, int sent, long start) {
            try {
                c.send(pieces.get(index));
            } catch (AssertionError refused) {
                Optional<Duration> late = pastHeaderTimeout(ctx, start);
                String cause = refused.getCause() == null ? refused.getMessage() : refused.getCause().getMessage();
                if (late.isPresent()) {
                    throw new SentTooSlowly(what + ": connecting and sending the first " + sent + " of " + total()
                            + " bytes took " + late.get().toMillis() + " ms, past the header timeout of "
                            + ctx.limits().headerTimeout().toMillis() + " ms, and the server closed the connection ("
                            + cause + ")");
                }
                throw new AssertionError(what + " sent as " + this + ": after the first " + sent + " of " + total()
                        + " bytes (" + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms after connecting)"
                        + " the server closed the connection; the next write failed (" + cause + "); a request "
                        + "split across segments is parsed as a whole (" + ctx.requirement() + ")", refused);
            }
        }

        /**
         * The pieces after which the server's read is awaited: all of them for short plans, else
         * {@value #OBSERVED_CUTS} spread evenly from the first (so a server that parses its first
         * read fails at byte 1), keeping the whole send well inside a device's header timeout (on a
         * machine whose socket table is large each observation costs tens of milliseconds).
         */
        static java.util.Set<Integer> observedPieces(int count) {
            java.util.Set<Integer> observed = new java.util.TreeSet<>();
            int cuts = count - 1;
            if (cuts <= OBSERVED_CUTS) {
                for (int i = 0; i < cuts; i++) {
                    observed.add(i);
                }
                return observed;
            }
            for (int k = 0; k < OBSERVED_CUTS; k++) {
                observed.add((int) Math.round(k * (cuts - 1) / (double) (OBSERVED_CUTS - 1)));
            }
            return observed;
        }

        int total() {
            return pieces.stream().mapToInt(p -> p.length).sum();
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
        return new Plan("bytes " + from + ".." + to + " one at a time", pieces);
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
        return new Plan("cut after every CR", pieces);
    }

    /** Pieces of {@code size} bytes (separate TCP segments). */
    public static Plan paced(String request, int size) {
        byte[] all = request.getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> pieces = new ArrayList<>();
        for (int i = 0; i < all.length; i += size) {
            pieces.add(slice(all, i, Math.min(all.length, i + size)));
        }
        return new Plan(size + "-byte pieces", pieces);
    }

    private static byte[] slice(byte[] all, int from, int to) {
        byte[] piece = new byte[to - from];
        System.arraycopy(all, from, piece, 0, piece.length);
        return piece;
    }
}
