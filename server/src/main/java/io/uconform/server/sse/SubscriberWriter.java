package io.uconform.server.sse;

import io.uconform.server.BodyWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Streams one subscription to its client until the client leaves (a write fails), the server
 * stops (interrupt) or the subscriber falls too far behind. Idle periods get a comment line so a
 * vanished client is detected within a few heartbeats and its slot freed (SSE-03).
 */
final class SubscriberWriter implements BodyWriter {

    private static final byte[] HEARTBEAT_LINE = ":\n\n".getBytes(StandardCharsets.US_ASCII);

    private final Subscription subscription;
    private final boolean splitLines;
    private final Duration heartbeat;

    SubscriberWriter(Subscription subscription, boolean splitLines, Duration heartbeat) {
        this.subscription = subscription;
        this.splitLines = splitLines;
        this.heartbeat = heartbeat;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (subscription) {
            out.flush(); // the head goes out now, before the first event
            while (subscription.isOpen()) {
                Optional<SseEvent> event = subscription.next(heartbeat);
                out.write(event.map(e -> e.encode(splitLines)).orElse(HEARTBEAT_LINE));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("server stopping");
        }
    }
}
