package io.uconform.selftest;

import io.uconform.probe.LoopbackProbe;
import io.uconform.probe.LoopbackWires;
import io.uconform.spi.Availability;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.Target;
import io.uconform.spi.TargetKind;
import io.uconform.spi.TargetKinds;
import io.uconform.spi.TargetSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Target kind {@code unwired-sim} for the harness's own tests: the {@code sim} target seen through a
 * {@link LoopbackProbe} whose wires (option {@code loopback}) are declared but not on the board, the
 * bench mistake a loopback probe must never pass.
 */
public final class UnwiredBenchKind implements TargetKind {

    @Override
    public String name() {
        return "unwired-sim";
    }

    /** The sim's options and the wires. */
    @Override
    public java.util.List<io.uconform.spi.KindOption> options() {
        java.util.List<io.uconform.spi.KindOption> options = new java.util.ArrayList<>(TargetKinds.require("sim").options());
        options.add(new io.uconform.spi.KindOption("loopback", "wires", "", "the wires the probe believes in (required)"));
        return java.util.List.copyOf(options);
    }

    @Override
    public Availability availability(TargetSpec spec) {
        return spec.option("loopback").isPresent() ? TargetKinds.require("sim").availability(sim(spec))
                : Availability.unavailable("unwired-sim: the option loopback is required");
    }

    @Override
    public Target create(TargetSpec spec) {
        LoopbackWires wires = LoopbackWires.parse(spec.requireOption("loopback"));
        Target sim = TargetKinds.require("sim").create(sim(spec));
        return new Target() {
            @Override
            public String name() {
                return "unwired-sim";
            }

            @Override
            public RunningTarget start() {
                return throughWires(sim.start());
            }

            @Override
            public RunningTarget restart() {
                return throughWires(sim.restart());
            }

            @Override
            public boolean ownsLifecycle() {
                return sim.ownsLifecycle();
            }

            @Override
            public void close() {
                sim.close();
            }

            private RunningTarget throughWires(RunningTarget running) {
                LoopbackProbe probe = new LoopbackProbe(running.baseUri(), "/gpio", wires, Optional.empty(),
                        Optional.empty(), Duration.ofSeconds(5));
                return new RunningTarget(running.baseUri(), probe, running.console(), running.limits(),
                        running.facts());
            }
        };
    }

    private static TargetSpec sim(TargetSpec spec) {
        Map<String, String> options = new HashMap<>(spec.options());
        options.remove("loopback");
        return new TargetSpec("sim", options, spec.profile());
    }
}
