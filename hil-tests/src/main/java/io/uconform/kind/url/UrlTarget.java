package io.uconform.kind.url;

import io.uconform.spi.RunningTarget;
import io.uconform.spi.Target;
import java.util.Map;
import java.util.Optional;

/** A server someone else runs: starting only attaches, closing only detaches. */
final class UrlTarget implements Target {

    private final UrlOptions options;

    UrlTarget(UrlOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "url:" + options.uri();
    }

    @Override
    public RunningTarget start() {
        return new RunningTarget(options.base(), io.uconform.probe.BoardProbe.none(
                "the url target observes no pins (attach a board probe through another target kind)"),
                io.uconform.console.Console.none(), Optional.empty(), Map.of("url", options.uri().toString()));
    }

    @Override
    public void close() {
        // nothing to stop: the server's lifecycle belongs to whoever started it
    }
}
