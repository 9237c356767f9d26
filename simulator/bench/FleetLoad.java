import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the fleet benchmark (run as a single source file: java FleetLoad.java ADMIN_URL SECONDS):
 * reads the boards from the fleet admin's /admin/fleet and polls every board once per second (GET /led) for
 * SECONDS, the boards' first polls spread over the first second, then prints requests, errors by kind and
 * latency percentiles. JDK only.
 *
 * <p>One thread and one selector drive every board's single keep-alive connection (the JDK HttpClient spent
 * more CPU per request than the fleet it measured). A poll that comes due while the board's previous one is
 * still unanswered waits for it, and its latency counts from when it was due, so a slow board shows as slow
 * rather than as fewer requests. A request unanswered after 5 s is an error (its connection is dropped). A
 * kept-alive connection the board closed just as a poll was written is retried once on a new connection, as
 * HTTP clients do for idempotent requests; the retries are counted.
 */
public class FleetLoad {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** One board: its connection and the polls due on it. */
    private static final class Board {
        final InetSocketAddress address;
        final ByteBuffer request;
        final ArrayDeque<Long> due = new ArrayDeque<>();
        long nextDue;
        SocketChannel channel;
        boolean reused;
        boolean retried;
        long inFlightDue = -1;
        long sentAt;
        ByteBuffer in = ByteBuffer.allocate(4096);

        Board(URI uri, long firstDue) {
            address = new InetSocketAddress(uri.getHost(), uri.getPort());
            request = ByteBuffer.wrap(("GET /led HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            nextDue = firstDue;
        }
    }

    private final List<Long> micros = new ArrayList<>();
    /** Latencies of the polls due after the first {@link #WARM_UP_NANOS} (connections opened, JIT warm). */
    private final List<Long> steadyMicros = new ArrayList<>();
    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(5);
    private long start;
    private final Map<String, Long> errors = new TreeMap<>();
    private long sent;
    private long retries;
    private final Selector selector;

    private FleetLoad() throws IOException {
        selector = Selector.open();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[1].matches("\\d+")) {
            System.err.println("usage: java FleetLoad.java ADMIN_URL SECONDS");
            System.exit(2);
        }
        URI admin = URI.create(args[0]);
        int seconds = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String fleet = http.send(HttpRequest.newBuilder(admin.resolve("/admin/fleet")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        List<URI> uris = new ArrayList<>();
        Matcher m = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(fleet);
        while (m.find()) {
            uris.add(URI.create(m.group(1)));
        }
        if (uris.isEmpty()) {
            System.err.println("fleet load: no boards listed by " + admin.resolve("/admin/fleet"));
            System.exit(1);
        }
        new FleetLoad().run(uris, seconds);
        System.exit(0);
    }

    private void run(List<URI> uris, int seconds) throws IOException {
        start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        PriorityQueue<Board> schedule = new PriorityQueue<>((a, b) -> Long.compare(a.nextDue, b.nextDue));
        List<Board> boards = new ArrayList<>();
        for (int i = 0; i < uris.size(); i++) {
            Board b = new Board(uris.get(i), start + PERIOD_NANOS * i / uris.size());
            boards.add(b);
            schedule.add(b);
        }
        long drainUntil = end + TIMEOUT_NANOS + TimeUnit.SECONDS.toNanos(1);
        while (true) {
            long now = System.nanoTime();
            while (!schedule.isEmpty() && schedule.peek().nextDue <= now) {
                Board b = schedule.poll();
                b.due.add(b.nextDue);
                b.nextDue += PERIOD_NANOS;
                if (b.nextDue < end) {
                    schedule.add(b);
                }
                if (b.inFlightDue < 0) {
                    sendNext(b, now);
                }
            }
            for (Board b : boards) {
                if (b.inFlightDue >= 0 && now - b.sentAt > TIMEOUT_NANOS) {
                    fail(b, "timeout (5 s)", now);
                }
            }
            boolean pending = boards.stream().anyMatch(b -> b.inFlightDue >= 0 || !b.due.isEmpty());
            if (schedule.isEmpty() && (!pending || now > drainUntil)) {
                break;
            }
            long wait = schedule.isEmpty() ? 50 : Math.max(1, (schedule.peek().nextDue - now) / 1_000_000);
            selector.select(Math.min(wait, 50));
            for (SelectionKey key : selector.selectedKeys()) {
                Board b = (Board) key.attachment();
                try {
                    if (key.isValid() && key.isConnectable() && b.channel.finishConnect()) {
                        key.interestOps(SelectionKey.OP_WRITE);
                    }
                    if (key.isValid() && key.isWritable()) {
                        write(b, key);
                    }
                    if (key.isValid() && key.isReadable()) {
                        read(b, System.nanoTime());
                    }
                } catch (IOException e) {
                    retryOrFail(b, e.getClass().getSimpleName(), System.nanoTime());
                }
            }
            selector.selectedKeys().clear();
        }
        long unanswered = boards.stream().mapToLong(b -> b.due.size() + (b.inFlightDue >= 0 ? 1 : 0)).sum();
        if (unanswered > 0) {
            errors.merge("unanswered at the end", unanswered, Long::sum);
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("fleet load: %d boards, %d s, %d requests sent, %d ok, %d errors; latency ms p50 %.2f"
                + " p99 %.2f max %.2f%n", boards.size(), seconds, sent, sorted.size(), errorCount,
                pct(sorted, 0.50), pct(sorted, 0.99), sorted.isEmpty() ? 0.0 : sorted.get(sorted.size() - 1) / 1000.0);
        Collections.sort(steadyMicros);
        System.out.printf("fleet load: after the first %d s: %d ok, latency ms p50 %.2f p99 %.2f max %.2f%n",
                TimeUnit.NANOSECONDS.toSeconds(WARM_UP_NANOS), steadyMicros.size(), pct(steadyMicros, 0.50),
                pct(steadyMicros, 0.99), steadyMicros.isEmpty() ? 0.0 : steadyMicros.get(steadyMicros.size() - 1) / 1000.0);
        System.out.printf("fleet load: errors by kind %s; %d polls retried once on a new connection (the board had"
                + " closed the kept-alive one)%n", errors, retries);
    }

    /** Sends the board's oldest due poll, on its connection or a new one. */
    private void sendNext(Board b, long now) throws IOException {
        if (b.due.isEmpty()) {
            return;
        }
        b.inFlightDue = b.due.poll();
        b.retried = false;
        send(b, now);
    }

    private void send(Board b, long now) {
        b.sentAt = now;
        b.in.clear();
        b.request.rewind();
        sent += b.retried ? 0 : 1;
        try {
            if (b.channel == null || !b.channel.isOpen()) {
                b.channel = SocketChannel.open();
                b.channel.configureBlocking(false);
                b.reused = false;
                boolean connected = b.channel.connect(b.address);
                b.channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, b);
            } else {
                b.reused = true;
                b.channel.keyFor(selector).interestOps(SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            fail(b, e.getClass().getSimpleName(), now);
        }
    }

    private void write(Board b, SelectionKey key) throws IOException {
        b.channel.write(b.request);
        if (!b.request.hasRemaining()) {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void read(Board b, long now) throws IOException {
        if (!b.in.hasRemaining()) {
            b.in = ByteBuffer.allocate(b.in.capacity() * 2).put(b.in.flip());
        }
        int n = b.channel.read(b.in);
        if (n < 0) {
            retryOrFail(b, "closed before a complete response", now);
            return;
        }
        if (b.inFlightDue < 0) {
            return;
        }
        String text = new String(b.in.array(), 0, b.in.position(), StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return;
        }
        String head = text.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
        Matcher length = Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(head);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        if (text.length() < headEnd + 4 + bodyLength) {
            return;
        }
        String status = head.length() >= 12 ? head.substring(9, 12) : "?";
        if (status.equals("200")) {
            micros.add((now - b.inFlightDue) / 1000);
            if (b.inFlightDue - start >= WARM_UP_NANOS) {
                steadyMicros.add((now - b.inFlightDue) / 1000);
            }
        } else {
            errors.merge("status " + status, 1L, Long::sum);
        }
        b.inFlightDue = -1;
        if (head.contains("\r\nconnection: close")) {
            close(b);
        }
        sendNext(b, now);
    }

    /** A kept-alive connection that ended with nothing received is retried once; anything else is an error. */
    private void retryOrFail(Board b, String kind, long now) {
        if (b.inFlightDue < 0) {
            close(b);
            return;
        }
        if (b.reused && !b.retried && b.in.position() == 0) {
            close(b);
            b.retried = true;
            retries++;
            send(b, now);
            return;
        }
        fail(b, kind, now);
    }

    private void fail(Board b, String kind, long now) {
        errors.merge(kind, 1L, Long::sum);
        b.inFlightDue = -1;
        close(b);
        try {
            sendNext(b, now);
        } catch (IOException e) {
            errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
        }
    }

    private static void close(Board b) {
        if (b.channel != null) {
            try {
                b.channel.close();
            } catch (IOException e) {
                // closing a broken connection
            }
        }
        b.channel = null;
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0.0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1000.0;
    }
}
