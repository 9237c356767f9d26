package io.uconform.simulator.esp32;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Output and marks come apart whatever the reads' boundaries are. */
class MarkScannerTest {

    private final StringBuilder events = new StringBuilder();
    private final MarkScanner scanner = new MarkScanner("@MK@".getBytes(StandardCharsets.US_ASCII));
    private final MarkScanner.Sink sink = new MarkScanner.Sink() {
        @Override
        public void output(byte[] bytes, int off, int len) {
            events.append(new String(bytes, off, len, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void mark(char tag) {
            events.append('[').append(tag).append(']');
        }
    };

    private void feed(String... chunks) {
        for (String c : chunks) {
            byte[] b = c.getBytes(StandardCharsets.ISO_8859_1);
            scanner.feed(b, b.length, sink);
        }
    }

    @Test
    void marksInOneReadAreTakenOutAndTheRestPassesByteForByte() {
        feed("out\u0004put@MK@kerr@MK@k");
        assertThat(events).hasToString("out\u0004put[k]err[k]");
    }

    @Test
    void aMarkSplitAcrossReadsIsHeldUntilComplete() {
        feed("ab@M", "K", "@", "k", "c@", "x");
        assertThat(events).hasToString("ab[k]c@x");
    }

    @Test
    void aPrefixOfTheMarkThatGoesNowhereIsOutputInTheEnd() {
        feed("a@MK", "!");
        assertThat(events).hasToString("a@MK!");
    }

    @Test
    void byteByByteFeedingGivesTheSameResult() {
        for (char c : "x@MK@b@@MK@ky".toCharArray()) {
            feed(String.valueOf(c));
        }
        assertThat(events).hasToString("x[b]@[k]y");
    }
}
