package io.uconform.simulator.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One bridge connection. Starts as a command channel (request line in, answer line out); a first
 * request {@code {"op":"events"}} turns it into an event channel that only receives pushed edges.
 */
final class BridgeSession {

    static final int MAX_LINE = 8192;
    static final int EVENT_QUEUE = 1024;

    private final Socket socket;
    private final BridgeCommands commands;
    private final BridgeEvents events;
    private final Thread thread;
    private volatile boolean closed;

    BridgeSession(Socket socket, BridgeCommands commands, BridgeEvents events) {
        this.socket = socket;
        this.commands = commands;
        this.events = events;
        this.thread = new Thread(this::run, "host-bridge-session:" + socket.getPort());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            String line;
            while (!closed && (line = readLine(in)) != null) {
                Map<String, Object> request = LineJson.parseObject(line);
                if ("events".equals(request.get("op"))) {
                    pushEvents(out);
                    return;
                }
                out.write((answer(request) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | IllegalArgumentException e) {
            // the interpreter went away or spoke garbage: this session ends, the bridge stays
        } finally {
            closed = true;
        }
    }

    private String answer(Map<String, Object> request) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("id", request.get("id"));
        try {
            Object result = commands.execute(String.valueOf(request.get("op")), request);
            reply.put("ok", true);
            reply.put("result", result);
        } catch (BridgeFailure f) {
            reply.put("ok", false);
            reply.put("kind", f.kind());
            reply.put("error", f.getMessage());
        }
        return LineJson.write(reply);
    }

    private void pushEvents(OutputStream out) throws IOException {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(EVENT_QUEUE);
        Consumer<String> sink = queue::offer;  // a full queue drops: a stuck interpreter never blocks the board
        events.addSink(sink);
        out.write("{\"id\":0,\"ok\":true,\"result\":\"subscribed\"}\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            while (!closed) {
                String event = queue.poll(200, TimeUnit.MILLISECONDS);
                if (event != null) {
                    out.write((event + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            events.removeSink(sink);
        }
    }

    private static String readLine(BufferedReader in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new IOException("bridge line longer than " + MAX_LINE);
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
