package io.uconform.kind.esp32;

import io.uconform.credentials.AuthCredentials;
import io.uconform.probe.BoardProbe;
import io.uconform.probe.LoopbackProbe;
import io.uconform.probe.LoopbackWires;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The jumper wires of a bench board (option {@code loopback=2>18,21>0}) and the profile's
 * {@code gpio} route the {@link LoopbackProbe} reads and drives them through. Immutable.
 *
 * @param wires     the declared wires
 * @param gpioRoute the profile's {@code gpio} route ({@code /gpio} by contract)
 */
public record LoopbackBench(LoopbackWires wires, String gpioRoute) {

    /** Bound of each probe request: a read is one small GET on the board's own server. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** The option's wires, or empty when the option is absent; one {@link TargetException} line when malformed. */
    static Optional<LoopbackBench> parse(TargetSpec spec) {
        return spec.option("loopback").map(text -> {
            try {
                return new LoopbackBench(LoopbackWires.parse(text),
                        spec.profile().route("gpio").orElse("/gpio"));
            } catch (IllegalArgumentException e) {
                throw new TargetException("esp32: option loopback: " + e.getMessage());
            }
        });
    }

    /** The probe of a board serving at {@code baseUri}, with the profile's Basic credentials if any. */
    BoardProbe probe(URI baseUri, Optional<AuthCredentials> auth) {
        return new LoopbackProbe(baseUri, gpioRoute, wires, auth.map(AuthCredentials::user),
                auth.map(AuthCredentials::password), REQUEST_TIMEOUT);
    }
}
