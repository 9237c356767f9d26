package io.uconform.kind.sim;

import io.uconform.spi.Availability;
import io.uconform.spi.Target;
import io.uconform.spi.TargetKind;
import io.uconform.spi.TargetSpec;

/**
 * The {@code sim} kind: the JVM reference server on a virtual board, in-process. Always available
 * (it needs nothing but this JVM). Options: see {@link SimOptions}.
 */
public final class SimTargetKind implements TargetKind {

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public java.util.List<io.uconform.spi.KindOption> options() {
        return SimOptions.OPTIONS;
    }

    @Override
    public Availability availability(TargetSpec spec) {
        return Availability.available();
    }

    @Override
    public Target create(TargetSpec spec) {
        return new SimTarget(SimOptions.parse(spec.options()), spec.profile().limits());
    }

    /** Each instance on its own free port (a fixed {@code port} is refused for a pool). */
    @Override
    public java.util.List<TargetSpec> poolMembers(TargetSpec spec, int size) {
        return io.uconform.spi.PoolMembers.onFreePorts(spec, size);
    }

    /**
     * Its checks mostly wait on the device's timers (a whole run spends about a sixth of its wall
     * time on CPU), so a few instances per core; capped where more stopped paying off (see the
     * hil-tests README); 1 when a fixed port is asked for.
     */
    @Override
    public int defaultPoolSize(TargetSpec spec) {
        if (!spec.option("port").map(String::trim).orElse("0").equals("0")) {
            return 1;
        }
        return Math.max(2, Math.min(DEFAULT_POOL_CAP, 4 * Runtime.getRuntime().availableProcessors()));
    }

    /** The largest default pool. */
    static final int DEFAULT_POOL_CAP = 8;
}
