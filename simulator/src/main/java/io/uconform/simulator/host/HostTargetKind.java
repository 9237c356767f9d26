package io.uconform.simulator.host;

import io.uconform.target.Availability;
import io.uconform.target.Target;
import io.uconform.target.TargetException;
import io.uconform.target.TargetKind;
import io.uconform.target.TargetSpec;
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
        Optional<Path> firmware = options.firmware().or(FirmwareLocator::referenceFirmware);
        return new HostTarget(spec, options, interpreter, firmware.orElseThrow(() ->
                new TargetException("target 'host': the reference firmware was not found (looked for "
                        + FirmwareLocator.searched() + ")")));
    }
}
