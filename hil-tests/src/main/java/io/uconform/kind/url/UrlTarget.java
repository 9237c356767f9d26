package io.uconform.kind.url;

import io.uconform.spi.Readiness;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.Target;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A server someone else runs: starting only attaches (once it answers HTTP), closing only detaches.
 */
final class UrlTarget implements Target {

    /**
     * Ready when the server answers a {@code GET /} with any status within 10 s: it speaks HTTP
     * (its {@code /} may want credentials or be absent; the checks judge the answers).
     */
    static final Readiness READINESS = Readiness.http("/").forAnyStatus().withTimeout(Duration.ofSeconds(10));

    private final UrlOptions options;
    private RunningTarget running;

    UrlTarget(UrlOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "url:" + options.uri();
    }

    @Override
    public synchronized RunningTarget start() {
        if (running == null) {
            READINESS.await(Readiness.Subject.at(name(), options.base()));
            running = new RunningTarget(options.base(), io.uconform.probe.BoardProbe.none(
                    "the url target observes no pins (attach a board probe through another target kind)"),
                    io.uconform.console.Console.none(), Optional.empty(), Map.of("url", options.uri().toString()));
        }
        return running;
    }

    @Override
    public synchronized void close() {
        // nothing to stop: the server's lifecycle belongs to whoever started it
        running = null;
    }
}
