package io.uconform.spi;

import io.uconform.console.Console;
import io.uconform.probe.BoardProbe;
import io.uconform.profile.Limits;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A started target: where it serves, how its pins are observed, what it prints.
 *
 * @param baseUri    HTTP base, e.g. {@code http://127.0.0.1:41234}; never null
 * @param probe      board observation; {@link BoardProbe#none(String)} when the target has none
 * @param console    captured console; {@link Console#none()} when the target prints nowhere
 * @param limits     effective limits when the harness configured them (e.g. shortened timers on
 *                   {@code sim}); empty means "as the profile says"
 * @param facts      versions and other facts for the report (firmware version, board, interpreter)
 */
public record RunningTarget(URI baseUri, BoardProbe probe, Console console,
                            Optional<Limits> limits, Map<String, String> facts) {

    public RunningTarget {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(limits, "limits");
        facts = Map.copyOf(facts);
    }

    public static RunningTarget at(URI baseUri) {
        return new RunningTarget(baseUri, BoardProbe.none("the target has no board probe"),
                Console.none(), Optional.empty(), Map.of());
    }
}
