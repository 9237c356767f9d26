package io.uconform.simulator.target;

import io.uconform.target.Availability;
import io.uconform.target.Target;
import io.uconform.target.TargetKind;
import io.uconform.target.TargetSpec;

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
    public Availability availability(TargetSpec spec) {
        return Availability.available();
    }

    @Override
    public Target create(TargetSpec spec) {
        return new SimTarget(SimOptions.parse(spec.options()), spec.profile().limits());
    }
}
