package io.uconform.simulator.admin.page;

import static io.uconform.simulator.admin.page.Html.esc;

import io.uconform.simulator.board.BoardEvent;
import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.PinState;
import io.uconform.simulator.board.VirtualBoard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The board page ({@code GET /admin}), rendered complete on the server: the drawing with every
 * pin's state, the run status, the newest events and console lines. Its script and style are
 * inline (no external assets); the script then keeps it live.
 */
public final class BoardPage {

    /** Events and console lines on the first paint (the live feed brings the rest). */
    static final int EVENTS = 100;
    static final int LINES = 300;
    private static final Pattern SLOT = Pattern.compile("\\$\\{([a-zA-Z]+)}");
    private static final String TEMPLATE = resource("board.html");
    private static final String CSS = resource("board.css");
    private static final String JS = resource("board.js");

    /** What the page shows of the device, read once per request. */
    public record Snapshot(VirtualBoard board, URI deviceUri, String state, String headline, List<String> detail,
                           List<String> console) {
        public Snapshot {
            detail = List.copyOf(detail);
            console = List.copyOf(console);
        }
    }

    private BoardPage() {
    }

    public static String render(Snapshot s) {
        VirtualBoard board = s.board();
        BoardProfile profile = board.profile();
        BoardLayout layout = BoardLayouts.forProfile(profile);
        Map<Integer, PinState> pins = new TreeMap<>();
        board.pins().forEach(p -> pins.put(p.pin(), p));
        Map<String, String> slots = new HashMap<>();
        slots.put("description", esc(profile.description()));
        slots.put("board", esc(profile.id()));
        slots.put("ledPin", String.valueOf(profile.ledPin()));
        slots.put("buttonPin", String.valueOf(profile.buttonPin()));
        slots.put("state", esc(s.state()));
        slots.put("headline", esc(s.headline()));
        slots.put("url", esc(s.deviceUri().toString()));
        slots.put("uptime", String.format(java.util.Locale.ROOT, "%.1f s", board.uptimeMillis() / 1000.0));
        slots.put("boot", String.valueOf(board.bootCount()));
        slots.put("resetCause", esc(board.resetCause().wireName()));
        slots.put("feed", "(a snapshot: the live view needs JavaScript)");
        slots.put("detail", esc(String.join("\n", s.detail())));
        slots.put("detailHidden", s.detail().isEmpty() ? " hidden" : "");
        slots.put("svg", BoardDrawing.render(layout, profile, pins));
        slots.put("offboard", offboard(layout, profile));
        slots.put("resetLabel", esc(layout.resetLabel()));
        slots.put("timeline", timeline(board));
        slots.put("console", console(s.console()));
        slots.put("css", CSS);
        slots.put("js", JS);
        return fill(slots);
    }

    private static String offboard(BoardLayout layout, BoardProfile profile) {
        List<Integer> off = profile.gpios().stream().filter(g -> !layout.headerGpios().contains(g)).toList();
        if (off.isEmpty()) {
            return "";
        }
        Function<Integer, String> name = g -> "GPIO" + g + (profile.isFlashPin(g) ? " (flash)" : "");
        return "Not on the headers: " + off.stream().map(name).collect(Collectors.joining(", "))
                + ". The admin API reaches them (PUT /admin/pins/{n}); flash pins are not drivable.";
    }

    private static String timeline(VirtualBoard board) {
        List<BoardEvent> events = board.timeline().all();
        StringBuilder sb = new StringBuilder();
        for (int i = events.size() - 1; i >= Math.max(0, events.size() - EVENTS); i--) {
            BoardEvent e = events.get(i);
            sb.append("        <li class=\"kind-").append(e.kind().wireName()).append("\" data-seq=\"").append(e.seq())
                    .append("\"><time>#").append(e.boot()).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.3f s", e.atMillis() / 1000.0)).append("</time> ")
                    .append(esc(PageText.event(e))).append("</li>\n");
        }
        return sb.toString();
    }

    private static String console(List<String> all) {
        List<String> lines = all.subList(Math.max(0, all.size() - LINES), all.size());
        List<Boolean> traceback = PageText.tracebackMarks(lines);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String cls = traceback.get(i) ? "tb" : line.startsWith("UCONFORM ") ? "sys" : "";
            sb.append("<span class=\"").append(cls).append("\">").append(esc(line)).append('\n').append("</span>");
        }
        return sb.toString();
    }

    private static String fill(Map<String, String> slots) {
        Matcher m = SLOT.matcher(TEMPLATE);
        StringBuilder out = new StringBuilder(TEMPLATE.length() + 64_000);
        while (m.find()) {
            String value = slots.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("board.html has an unknown slot ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = BoardPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the simulator jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
