package io.uconform.kind.replay;

import io.uconform.spi.Availability;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetKind;
import io.uconform.spi.TargetSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code replay} kind: serves a recording ({@code uconform run --record DIR}) through WireMock
 * in-process on a free loopback port and reruns the suite on it. Option {@code dir} (required).
 * Checks whose exchanges were recorded give their recorded verdicts; the others are skipped with
 * "not replayable: <why>". Available whenever the directory holds a recording; several instances
 * (a pool) serve the same recording side by side.
 */
public final class ReplayTargetKind implements TargetKind {

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public List<io.uconform.spi.KindOption> options() {
        return ReplayOptions.OPTIONS;
    }

    @Override
    public Availability availability(TargetSpec spec) {
        try {
            ReplayOptions.from(spec).recording();
            return Availability.available();
        } catch (TargetException e) {
            return Availability.unavailable(e.getMessage());
        }
    }

    @Override
    public Target create(TargetSpec spec) {
        ReplayOptions options = ReplayOptions.from(spec);
        return new ReplayTarget(options, options.recording());
    }

    @Override
    public List<TargetSpec> poolMembers(TargetSpec spec, int size) {
        List<TargetSpec> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(spec);
        }
        return members;
    }
}
