package io.uconform.record;

import io.uconform.client.HttpExchange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one check did while it was recorded: its HTTP exchanges in the order they ended, and the
 * uses of the live device a recording cannot reproduce (raw connections, probe, console).
 * Thread-safe: a check may use several connections at once.
 */
public final class CheckRecorder {

    private final List<HttpExchange> exchanges = new ArrayList<>();
    private final Set<String> liveUses = new LinkedHashSet<>();

    public synchronized void exchanged(HttpExchange exchange) {
        exchanges.add(exchange);
    }

    /** Notes a use of the live device, e.g. {@code "opens raw connections"}; repeated uses count once. */
    public synchronized void live(String why) {
        liveUses.add(why);
    }

    public synchronized List<HttpExchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public synchronized List<String> liveUses() {
        return List.copyOf(liveUses);
    }
}
