package io.uconform.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link Readiness#allOf}: each step in turn, under one deadline for the whole. */
final class AllOfReadiness implements Readiness {

    private final List<Readiness> steps;
    private final Duration timeout;

    AllOfReadiness(List<Readiness> steps, Duration timeout) {
        this.steps = List.copyOf(steps);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (this.steps.isEmpty()) {
            throw new IllegalArgumentException("Readiness.allOf needs at least one step");
        }
    }

    @Override
    public Ready await(Subject subject) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Subject current = subject;
        Ready ready = new Ready(subject.baseUri(), Optional.empty());
        for (Readiness step : steps) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw ReadinessFailure.of(current, "not ready within " + ReadinessFailure.duration(timeout)
                        + ": still awaiting " + step.awaited(), null);
            }
            Ready found = (left.compareTo(step.timeout()) < 0 ? step.withTimeout(left) : step).await(current);
            if (found.baseUri().isPresent()) {
                current = current.withBase(found.baseUri().get());
            }
            ready = new Ready(found.baseUri().or(ready::baseUri), found.line().or(ready::line));
        }
        return ready;
    }

    @Override
    public String awaited() {
        return steps.stream().map(Readiness::awaited).collect(Collectors.joining(", then "));
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Readiness withTimeout(Duration timeout) {
        return new AllOfReadiness(steps, timeout);
    }
}
