package io.uconform.checks.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.client.HttpReply;
import io.uconform.client.RawConnection;
import io.uconform.suite.CheckContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/x-mixed-replace} stream part by part (RFC 2046 section 5.1): the
 * boundary comes from the head's Content-Type; each part must start with {@code --boundary}, have
 * headers and, as streaming servers send them, a Content-Length that frames its body.
 */
public final class MultipartReader {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=\"?([^\";]+)\"?");

    private final RawConnection connection;
    private final HttpReply head;
    private final ChunkedReader body;
    private final String boundary;

    private MultipartReader(RawConnection connection, HttpReply head, String boundary) {
        this.connection = connection;
        this.head = head;
        this.body = new ChunkedReader(connection, head);
        this.boundary = boundary;
    }

    /** Opens the stream (waiting while the target is busy with 503) and asserts a 200 multipart/x-mixed-replace head with a boundary. */
    public static MultipartReader open(CheckContext ctx, String path) {
        RawConnection[] opened = new RawConnection[1];
        HttpReply head = BusyRetry.untilNot503(ctx, "GET " + path, () -> {
            if (opened[0] != null) {
                opened[0].close();
            }
            opened[0] = ctx.raw().open();
            return opened[0].send(Requests.get(ctx, path)).readResponse(Waits.reply(ctx), true);
        });
        RawConnection c = opened[0];
        assertThat(head.status()).as("status of GET %s", path).isEqualTo(200);
        String type = head.header("content-type").orElse("");
        assertThat(type.toLowerCase(Locale.ROOT)).as("Content-Type of %s", path).startsWith("multipart/x-mixed-replace");
        Matcher m = BOUNDARY.matcher(type);
        assertThat(m.find()).as("boundary parameter in '%s'", type).isTrue();
        return new MultipartReader(c, head, m.group(1).trim());
    }

    public HttpReply head() {
        return head;
    }

    public String boundary() {
        return boundary;
    }

    /** The next part within {@code timeout}, its delimiter and framing asserted. */
    public MultipartPart next(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String delimiter = body.readLine(left(deadline));
        while (delimiter.isEmpty()) {
            delimiter = body.readLine(left(deadline));
        }
        assertThat(delimiter).as("part delimiter (boundary '%s')", boundary).isEqualTo("--" + boundary);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = body.readLine(left(deadline)); !line.isEmpty(); line = body.readLine(left(deadline))) {
            int colon = line.indexOf(':');
            assertThat(colon).as("part header line '%s' has a colon", line).isPositive();
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        assertThat(headers).as("part headers").containsKey("content-type").containsKey("content-length");
        int length = Integer.parseInt(headers.get("content-length"));
        byte[] payload = body.readBytes(length, left(deadline));
        assertThat(body.readLine(left(deadline))).as("CRLF after a part's %d-byte body", length).isEmpty();
        return new MultipartPart(headers, payload);
    }

    /** Leaves (TCP reset), as a browser tab that was closed. */
    public void leave() {
        connection.close(true);
    }

    private static Duration left(long deadline) {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new AssertionError("no complete part before the deadline");
        }
        return Duration.ofNanos(nanos);
    }
}
