package io.uconform.simulator.board;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The registered edge listeners of a board. Thread-safe. */
final class EdgeListeners {

    private static final System.Logger LOG = System.getLogger(EdgeListeners.class.getName());

    private record Registration(int pin, Edge edge, EdgeListener listener) {
    }

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    EdgeSubscription add(int pin, Edge edge, EdgeListener listener) {
        Registration r = new Registration(pin, edge, listener);
        registrations.add(r);
        return () -> registrations.remove(r);
    }

    /** The calls to make for a level change; run them after releasing the board lock. */
    void collect(int pin, int oldLevel, int newLevel, long atMillis, List<Runnable> out) {
        for (Registration r : registrations) {
            if (r.pin == pin && r.edge.matches(oldLevel, newLevel)) {
                out.add(() -> call(r, newLevel, atMillis));
            }
        }
    }

    int size() {
        return registrations.size();
    }

    private static void call(Registration r, int level, long atMillis) {
        try {
            r.listener.onEdge(r.pin, level, atMillis);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "edge listener on GPIO " + r.pin + " failed: " + e);
        }
    }
}
