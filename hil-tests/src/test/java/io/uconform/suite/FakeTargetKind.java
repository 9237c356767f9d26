package io.uconform.suite;

import io.uconform.console.ConsoleCapture;
import io.uconform.console.SecretMask;
import io.uconform.probe.BoardProbe;
import io.uconform.spi.Availability;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetKind;
import io.uconform.spi.TargetSpec;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Target kind {@code fake} for the harness's own tests: a {@link FakeServer} per start. Options:
 * {@code available=false} (unavailable with a reason), {@code fail-start=true}, {@code owned=true}
 * (the harness may restart it). Counts starts so tests can see a restart. Pools of any size.
 */
public final class FakeTargetKind implements TargetKind {

    static final AtomicInteger STARTS = new AtomicInteger();

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public java.util.List<io.uconform.spi.KindOption> options() {
        return java.util.List.of(
                new io.uconform.spi.KindOption("available", "true|false", "true", "false: unavailable, for skip tests"),
                new io.uconform.spi.KindOption("fail-start", "true|false", "false", "start() throws"),
                new io.uconform.spi.KindOption("owned", "true|false", "false", "the harness owns it (may restart it)"),
                new io.uconform.spi.KindOption("secret", "secret", "", "a secret its console prints, for masking tests"));
    }

    @Override
    public Availability availability(TargetSpec spec) {
        return spec.option("available").filter("false"::equals).isPresent()
                ? Availability.unavailable("fake target switched off for this test")
                : Availability.available();
    }

    /** Any number of instances, each a {@link FakeServer} of its own, for the pool's tests. */
    @Override
    public java.util.List<TargetSpec> poolMembers(TargetSpec spec, int size) {
        return java.util.Collections.nCopies(size, spec);
    }

    @Override
    public Target create(TargetSpec spec) {
        return new FakeTarget(Boolean.parseBoolean(spec.option("fail-start").orElse("false")),
                Boolean.parseBoolean(spec.option("owned").orElse("false")), spec.option("secret").orElse(""));
    }

    private static final class FakeTarget implements Target {
        private final boolean failStart;
        private final boolean owned;
        private final ConsoleCapture console;
        private FakeServer server;
        private RunningTarget running;

        FakeTarget(boolean failStart, boolean owned, String secret) {
            this.failStart = failStart;
            this.owned = owned;
            this.console = new ConsoleCapture(SecretMask.of(secret));
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public RunningTarget start() {
            if (running != null) {
                return running;
            }
            if (failStart) {
                throw new TargetException("fake target: port 1 in use");
            }
            try {
                server = new FakeServer();
            } catch (IOException e) {
                throw new TargetException("fake target: " + e.getMessage(), e);
            }
            STARTS.incrementAndGet();
            console.accept("fake booted at " + server.baseUri());
            running = new RunningTarget(server.baseUri(), BoardProbe.none("fake has no pins"), console,
                    Optional.empty(), Map.of("firmware", "fake-1.0"));
            return running;
        }

        @Override
        public RunningTarget restart() {
            close();
            return start();
        }

        @Override
        public boolean ownsLifecycle() {
            return owned;
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
                server = null;
            }
            running = null;
        }
    }
}
