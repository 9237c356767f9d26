package io.uconform.selftest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSocket, event-stream and query routes of {@link OtherServer.Kind#NAIVE_STREAMS}, written the
 * way small MicroPython servers write them: what works is the common path, what is missing is every
 * check of a peer's input.
 * <ul>
 *   <li>{@code GET /ws}: any request with {@code Upgrade: websocket} gets 101 (a missing key, a wrong
 *   version: still 101). Each frame is echoed as it came (FIN, RSV and opcode kept, unmasked), so
 *   fragments come back one by one; PING (of any size, fragmented or not) gets PONG; CLOSE is echoed,
 *   then the socket closed. Nothing is validated: no 1002, no 1007.</li>
 *   <li>{@code GET /events}: 200 {@code text/event-stream} without {@code Cache-Control}, no subscriber
 *   cap. {@code GET /events/trigger} sends {@code event: tick} to every subscriber; {@code POST
 *   /events/publish} sends {@code {"event", "data"}} with the data written after one {@code data:}, its
 *   line ends and all.</li>
 *   <li>{@code GET /query}: the query split on {@code &} and {@code =}, nothing decoded, as
 *   {@code {"data": {name: [values]}}}.</li>
 * </ul>
 */
final class NaiveStreams {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final List<OutputStream> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger events = new AtomicInteger();

    /** True for the routes this class answers. */
    static boolean owns(String path) {
        return path.equals("/ws") || path.startsWith("/events") || path.equals("/query");
    }

    /** Answers one request on an owned route; false when the connection is done. */
    boolean handle(Socket s, OtherServer.Request r, InputStream in, OutputStream out, byte[] body) throws IOException {
        switch (r.path()) {
            case "/ws":
                if (!r.header("upgrade").equalsIgnoreCase("websocket")) {
                    OtherServer.respond(out, 400, json("{\"error\":\"not an upgrade\"}"), true);
                    return false;
                }
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept(r.header("sec-websocket-key")) + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                echoFrames(in, out);
                return false;
            case "/events":
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                subscribers.add(out);
                try {
                    s.setSoTimeout(0);  // a subscriber sends nothing more; it stays until it leaves
                    while (in.read() >= 0) {
                        // nothing is expected from a subscriber
                    }
                } finally {
                    subscribers.remove(out);
                }
                return false;
            case "/events/trigger":
                int n = events.incrementAndGet();
                broadcast("event: tick\nid: " + n + "\ndata: {\"n\": " + n + "}\n\n");
                OtherServer.respond(out, 200, json("{\"data\":null}"), false);
                return true;
            case "/events/publish":
                com.fasterxml.jackson.databind.JsonNode note = io.uconform.client.Json.parse(
                        new String(body, StandardCharsets.UTF_8));
                broadcast("event: " + note.path("event").asText() + "\ndata: " + note.path("data").asText() + "\n\n");
                OtherServer.respond(out, 200, json("{\"data\":null}"), false);
                return true;
            default:
                OtherServer.respond(out, 200, json("{\"data\":" + query(r.query()) + "}"), false);
                return true;
        }
    }

    private void broadcast(String event) {
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        for (OutputStream subscriber : subscribers) {
            try {
                synchronized (subscriber) {
                    subscriber.write(bytes);
                    subscriber.flush();
                }
            } catch (IOException gone) {
                subscribers.remove(subscriber);
            }
        }
    }

    /** The frame loop: until CLOSE, the peer's close, or a frame this server will not hold in memory. */
    private static void echoFrames(InputStream in, OutputStream out) throws IOException {
        while (true) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                return;
            }
            long length = b1 & 0x7F;
            if (length == 126) {
                length = ((long) in.read() << 8) | in.read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | in.read();
                }
            }
            if (length < 0 || length > 1 << 20) {
                return;
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
            byte[] payload = in.readNBytes((int) length);
            if (payload.length < length) {
                return;
            }
            for (int i = 0; mask != null && i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
            int opcode = b0 & 0x0F;
            if (opcode == 0xA) {
                continue;
            }
            int head = opcode == 0x9 ? 0x80 | 0xA : b0;
            out.write(frame(head, payload));
            out.flush();
            if (opcode == 0x8) {
                return;
            }
        }
    }

    private static byte[] frame(int head, byte[] payload) {
        ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 10);
        f.write(head);
        if (payload.length <= 125) {
            f.write(payload.length);
        } else if (payload.length <= 0xFFFF) {
            f.write(126);
            f.write(payload.length >>> 8);
            f.write(payload.length & 0xFF);
        } else {
            f.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                f.write((int) (((long) payload.length >>> shift) & 0xFF));
            }
        }
        f.writeBytes(payload);
        return f.toByteArray();
    }

    private static String accept(String key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private static String query(String query) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            fields.computeIfAbsent(eq < 0 ? pair : pair.substring(0, eq), k -> new ArrayList<>())
                    .add(eq < 0 ? "" : pair.substring(eq + 1));
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":[")
                .append(String.join(",", v.stream().map(x -> "\"" + x + "\"").toList())).append(']'));
        return json.append('}').toString();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
