package io.uconform.selftest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small loopback HTTP server written the ways third-party MicroPython servers are, one way per
 * {@link Kind}, so that the suite's verdicts on each kind of behaviour are pinned in CI. Routes:
 * {@code GET /} (a JSON index), {@code POST /echo} (the JSON body as {@code {"data": body}}, bodies
 * over 1024 bytes get 413 then a close), {@code GET /work} (starts a {@value #WORK_MS}-ms job in the
 * background and answers {@code {"data": null}}), {@code GET /work/runs} (how many jobs finished),
 * anything else 404. Closes every socket it opened on close.
 */
final class OtherServer implements AutoCloseable {

    /** The behaviours of small servers the suite must judge right. */
    enum Kind {
        /** One connection at a time; a read waits at most 2 s per recv (like {@code settimeout(2)}), as all but the next. */
        BLOCKING_SINGLE,
        /** One connection at a time and reads without any timeout: a silent client blocks everyone. */
        SILENT_BLOCKS,
        /** A thread per connection; answers and closes after every request ({@code Connection: close}). */
        ALWAYS_CLOSE,
        /** A thread per connection, keep-alive; {@code Transfer-Encoding} is answered 501, then a close. */
        CHUNKED_501,
        /** A thread per connection that answers whatever its first recv got as a request, then closes. */
        ECHO_ON_INCOMPLETE,
        /** A thread per connection, keep-alive; {@code GET /work} does its job before it answers {@code null}. */
        WAITS_FOR_WORK,
        /** A thread per connection, keep-alive, with the naive WebSocket, event stream and query of {@link NaiveStreams}. */
        NAIVE_STREAMS
    }

    static final int MAX_BODY = 1024;
    /** How long a job of {@code GET /work} takes. */
    static final int WORK_MS = 400;

    private final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

    private final Kind kind;
    private final NaiveStreams streams = new NaiveStreams();
    private final ServerSocket listener;
    private final Thread acceptor;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    OtherServer(Kind kind) throws IOException {
        this.kind = kind;
        this.listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "other-server-" + kind);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private boolean oneAtATime() {
        return kind == Kind.BLOCKING_SINGLE || kind == Kind.SILENT_BLOCKS;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            open.add(s);
            if (oneAtATime()) {
                serve(s);
            } else {
                Thread t = new Thread(() -> serve(s), "other-server-conn");
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(kind == Kind.SILENT_BLOCKS ? 0 : 2000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            if (kind == Kind.ECHO_ON_INCOMPLETE) {
                byte[] buf = new byte[2048];
                int n = in.read(buf);
                if (n > 0) {
                    String first = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                    String[] words = first.split("[ \r\n]+");
                    String target = words.length > 1 ? words[1] : "/";
                    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
                    respond(out, path.equals("/") ? 200 : 404, path.equals("/") ? index() : error(), true);
                }
                return;
            }
            while (!closed) {
                Request request = Request.read(in);
                if (request == null) {
                    return;
                }
                if (!handle(s, request, in, out)) {
                    return;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // the client was too slow or went away: drop it, as the servers this imitates do
        } catch (IOException e) {
            // likewise
        } finally {
            open.remove(s);
        }
    }

    /** Answers one request; false when the connection is to be closed. */
    private boolean handle(Socket s, Request r, InputStream in, OutputStream out) throws IOException {
        boolean close = kind == Kind.ALWAYS_CLOSE || r.header("connection").toLowerCase(Locale.ROOT).contains("close")
                || r.version.equals("HTTP/1.0");
        if (!r.header("transfer-encoding").isEmpty()) {
            respond(out, kind == Kind.CHUNKED_501 ? 501 : 400, error(), true);
            return false;
        }
        int length = r.header("content-length").isEmpty() ? 0 : Integer.parseInt(r.header("content-length").trim());
        if (length > MAX_BODY) {
            respond(out, 413, error(), true);
            return false;
        }
        byte[] body = in.readNBytes(length);
        if (kind == Kind.NAIVE_STREAMS && NaiveStreams.owns(r.path)) {
            return streams.handle(s, r, in, out, body) && !close;
        }
        if (r.path.equals("/") && (r.method.equals("GET") || r.method.equals("HEAD"))) {
            respond(out, 200, r.method.equals("HEAD") ? null : index(), close, index().length);
        } else if (r.path.equals("/work") && r.method.equals("GET")) {
            Runnable job = () -> {
                try {
                    Thread.sleep(WORK_MS);  // the job itself takes this long (the server's work, not a wait for it)
                    runs.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            if (kind == Kind.WAITS_FOR_WORK) {
                job.run();
            } else {
                Thread t = new Thread(job, "other-server-work");
                t.setDaemon(true);
                t.start();
            }
            respond(out, 200, "{\"data\":null}".getBytes(StandardCharsets.UTF_8), close);
        } else if (r.path.equals("/work/runs") && r.method.equals("GET")) {
            respond(out, 200, ("{\"data\":{\"runs\":" + runs.get() + "}}").getBytes(StandardCharsets.UTF_8), close);
        } else if (r.path.equals("/echo") && r.method.equals("POST")) {
            respond(out, 200, ("{\"data\":" + new String(body, StandardCharsets.UTF_8) + "}")
                    .getBytes(StandardCharsets.UTF_8), close);
        } else {
            respond(out, 404, error(), close);
        }
        return !close;
    }

    private static byte[] index() {
        return "{\"data\":{\"name\":\"other\",\"routes\":[\"/\",\"/echo\"]}}".getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] error() {
        return "{\"error\":\"no\"}".getBytes(StandardCharsets.UTF_8);
    }

    static void respond(OutputStream out, int status, byte[] body, boolean close) throws IOException {
        respond(out, status, body, close, body.length);
    }

    private static void respond(OutputStream out, int status, byte[] body, boolean close, int length)
            throws IOException {
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    private static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 404:
                return "Not Found";
            case 413:
                return "Content Too Large";
            case 501:
                return "Not Implemented";
            default:
                return "Bad Request";
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing: nothing to do
        }
        open.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing: nothing to do
            }
        });
    }

    /** A request head as a simple server reads it: up to the blank line, no limits. */
    record Request(String method, String path, String query, String version, java.util.Map<String, String> headers) {

        static Request read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                byte[] h = head.toByteArray();
                int n = h.length;
                if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                    break;
                }
            }
            if (b < 0) {
                return null;
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] words = lines[0].split(" ");
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            String target = words.length > 1 ? words[1] : "/";
            int q = target.indexOf('?');
            return new Request(words[0], q < 0 ? target : target.substring(0, q), q < 0 ? "" : target.substring(q + 1),
                    words.length > 2 ? words[2] : "HTTP/1.0", headers);
        }

        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }
}
