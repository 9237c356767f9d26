package io.uconform.simulator.admin;

import io.uconform.server.BodyWriter;
import io.uconform.server.Json;
import io.uconform.server.sse.SseEvent;
import io.uconform.simulator.board.BoardEvent;
import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.PinState;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One browser's live feed (server-sent events): first {@code hello} with the whole state, then only
 * what changed: {@code pins} (the pins whose state differs from what this client last got),
 * {@code timeline} (new events), {@code console} (new lines), {@code board} (boot, reset cause) and
 * {@code status}. Bursts are batched (at most one message per kind every {@link #BATCH_MILLIS});
 * a comment line every {@link #HEARTBEAT_MILLIS} finds clients that left.
 */
final class LiveFeed implements BodyWriter {

    static final long HEARTBEAT_MILLIS = 5_000;
    static final long BATCH_MILLIS = 30;
    static final int TIMELINE_EVENTS = 200;
    static final int CONSOLE_LINES = 500;
    private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

    private final LiveHub hub;
    private final Map<Integer, Map<String, Object>> sentPins = new HashMap<>();
    private long nextEventSeq;
    private long nextConsoleLine;
    private Map<String, Object> sentBoard = Map.of();
    private RunStatus sentStatus;
    private long id;

    LiveFeed(LiveHub hub) {
        this.hub = hub;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try {
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.US_ASCII));
            long seen = hub.signal().version();
            send(out, "hello", hello());
            while (!hub.signal().isClosed()) {
                if (!hub.signal().awaitChange(seen, HEARTBEAT_MILLIS)) {
                    out.write(HEARTBEAT);
                    out.flush();
                    continue;
                }
                hub.signal().pause(BATCH_MILLIS);
                seen = hub.signal().version();
                sendChanges(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("admin server stopping");
        }
    }

    private Map<String, Object> hello() {
        AdminDevice device = hub.device();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("board", sentBoard = AdminJson.board(device));
        m.put("status", AdminJson.status(sentStatus = device.status()));
        m.put("pins", changedPins());
        m.put("timeline", newEvents());
        m.put("console", newLines());
        return m;
    }

    private void sendChanges(OutputStream out) throws IOException {
        AdminDevice device = hub.device();
        RunStatus status = device.status();
        if (!status.equals(sentStatus)) {
            sentStatus = status;
            send(out, "status", AdminJson.status(status));
        }
        Map<String, Object> board = AdminJson.board(device);
        if (!sameBoot(board, sentBoard)) {
            send(out, "board", board);
        }
        sentBoard = board;
        List<Map<String, Object>> pins = changedPins();
        if (!pins.isEmpty()) {
            send(out, "pins", pins);
        }
        List<Map<String, Object>> events = newEvents();
        if (!events.isEmpty()) {
            send(out, "timeline", events);
        }
        List<Map<String, Object>> lines = newLines();
        if (!lines.isEmpty()) {
            send(out, "console", lines);
        }
    }

    /** Uptime moves on its own (the page counts it); only a reboot or a new URL is news. */
    private static boolean sameBoot(Map<String, Object> a, Map<String, Object> b) {
        return a.get("boot").equals(b.get("boot")) && a.get("reset_cause").equals(b.get("reset_cause"))
                && a.get("url").equals(b.get("url"));
    }

    private List<Map<String, Object>> changedPins() {
        BoardProfile profile = hub.device().board().profile();
        List<Map<String, Object>> changed = new ArrayList<>();
        for (PinState s : hub.device().board().pins()) {
            Map<String, Object> json = AdminJson.pin(s, profile);
            if (!json.equals(sentPins.get(s.pin()))) {
                sentPins.put(s.pin(), json);
                changed.add(json);
            }
        }
        return changed;
    }

    private List<Map<String, Object>> newEvents() {
        long from = nextEventSeq;
        List<BoardEvent> events = hub.device().board().timeline().select(e -> e.seq() >= from);
        if (!events.isEmpty()) {
            nextEventSeq = events.get(events.size() - 1).seq() + 1;
        }
        List<BoardEvent> last = events.subList(Math.max(0, events.size() - TIMELINE_EVENTS), events.size());
        return last.stream().map(AdminJson::event).toList();
    }

    private List<Map<String, Object>> newLines() {
        List<ConsoleTail.Numbered> lines = hub.console().since(nextConsoleLine, CONSOLE_LINES);
        if (!lines.isEmpty()) {
            nextConsoleLine = lines.get(lines.size() - 1).n() + 1;
        }
        return lines.stream().map(AdminJson::consoleLine).toList();
    }

    private void send(OutputStream out, String event, Object data) throws IOException {
        out.write(new SseEvent(event, ++id, Json.write(data)).encode(true));
        out.flush();
    }
}
