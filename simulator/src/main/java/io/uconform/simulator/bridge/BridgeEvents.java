package io.uconform.simulator.bridge;

import io.uconform.simulator.board.Edge;
import io.uconform.simulator.board.EdgeSubscription;
import io.uconform.simulator.board.VirtualBoard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Pin IRQs: edge listeners on the virtual board whose events are pushed, as JSON lines, to every
 * open event channel (the Python side dispatches them to the registered handler). Thread-safe.
 */
final class BridgeEvents implements AutoCloseable {

    private final Map<Integer, EdgeSubscription> subscriptions = new ConcurrentHashMap<>();
    private final List<Consumer<String>> sinks = new CopyOnWriteArrayList<>();

    void subscribe(VirtualBoard board, int pin, Edge edge) {
        EdgeSubscription next = board.onEdge(pin, edge, (p, level, at) -> publish(p, level, at));
        EdgeSubscription old = subscriptions.put(pin, next);
        if (old != null) {
            old.close();
        }
    }

    void unsubscribe(int pin) {
        EdgeSubscription old = subscriptions.remove(pin);
        if (old != null) {
            old.close();
        }
    }

    void addSink(Consumer<String> sink) {
        sinks.add(sink);
    }

    void removeSink(Consumer<String> sink) {
        sinks.remove(sink);
    }

    private void publish(int pin, int level, long atMillis) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "edge");
        event.put("pin", pin);
        event.put("value", level);
        event.put("t_ms", atMillis);
        String line = LineJson.write(event);
        sinks.forEach(s -> s.accept(line));
    }

    /** Drops every IRQ subscription (the interpreter that registered them has gone). */
    @Override
    public void close() {
        subscriptions.values().forEach(EdgeSubscription::close);
        subscriptions.clear();
    }
}
