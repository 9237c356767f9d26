package io.uconform.kind.host;

import io.uconform.simulator.host.FirmwareLocator;
import io.uconform.simulator.host.Interpreter;
import io.uconform.spi.Availability;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetKind;
import io.uconform.spi.TargetSpec;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code host}: the MicroPython firmware on a host interpreter ({@code micropython} with a
 * device-sized heap when on PATH, else {@code python3}) with the virtual board behind the stand-in
 * modules. Options: see {@link HostOptions}.
 */
public final class HostTargetKind implements TargetKind {

    @Override
    public String name() {
        return "host";
    }

    @Override
    public java.util.List<io.uconform.spi.KindOption> options() {
        return HostOptions.OPTIONS;
    }

    @Override
    public Availability availability(TargetSpec spec) {
        HostOptions options;
        try {
            options = HostOptions.parse(spec);
        } catch (TargetException e) {
            return Availability.unavailable(e.getMessage());
        }
        if (Interpreter.find(options.interpreter()).isEmpty()) {
            return Availability.unavailable(options.interpreter().equals("auto")
                    ? "neither micropython nor python3 is on PATH"
                    : options.interpreter() + " is not on PATH");
        }
        if (options.firmware().isEmpty() && FirmwareLocator.referenceFirmware().isEmpty()) {
            return Availability.unavailable("the reference firmware was not found (looked for "
                    + FirmwareLocator.searched() + "); or give the option app=<dir>");
        }
        return Availability.available();
    }

    @Override
    public Target create(TargetSpec spec) {
        HostOptions options = HostOptions.parse(spec);
        Interpreter interpreter = Interpreter.find(options.interpreter()).orElseThrow(() ->
                new TargetException("target 'host': " + options.interpreter() + " interpreter not found on PATH"));
        options.mpyCross().ifPresent(path -> new MpyCross(path).requireLoadableBy(interpreter, options.heap()));
        Optional<Path> firmware = options.firmware().or(FirmwareLocator::referenceFirmware);
        return new HostTarget(spec, options, interpreter, firmware.orElseThrow(() ->
                new TargetException("target 'host': the reference firmware was not found (looked for "
                        + FirmwareLocator.searched() + ")")));
    }

    /** Each instance on its own free port (a fixed {@code port} is refused for a pool). */
    @Override
    public java.util.List<TargetSpec> poolMembers(TargetSpec spec, int size) {
        return io.uconform.spi.PoolMembers.onFreePorts(spec, size);
    }

    /**
     * {@code firmware}: the reference firmware (the default app) offers no TLS server, so under the
     * {@code reference} profile its TLS group would always be "not verified"; another app names its
     * profile with {@code --profile}.
     */
    @Override
    public String defaultProfile(java.util.Map<String, String> options) {
        return "firmware";
    }
}
