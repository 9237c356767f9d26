package io.uconform.kind.esp32;

import io.uconform.credentials.CredentialsException;
import io.uconform.credentials.DeviceSettings;
import io.uconform.credentials.DeviceSettingsLoader;
import io.uconform.link.JSerialCommLink;
import io.uconform.link.PortFinder;
import io.uconform.probe.LoopbackWires;
import io.uconform.simulator.host.FirmwareLocator;
import io.uconform.spi.Availability;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetKind;
import io.uconform.spi.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code esp32} kind: a MicroPython board on a serial port (by name or USB id), on raw serial
 * over TCP, or the in-process virtual ESP32 ({@code virtual=esp32}: the same flash/push/boot chain,
 * with the virtual board and access point; the reference firmware is the default app). Options:
 * {@code port} | {@code vidpid} | {@code tcp} | {@code virtual}, {@code image}, {@code app},
 * {@code credentials}, {@code chip}, {@code baud}, {@code ready}, {@code boot-timeout-seconds},
 * {@code loopback} (jumper wires {@code a>b,...} the board probe reads and drives pins through; on
 * the virtual board they are wired as declared, and the probe is the loopback one), {@code stub}
 * ({@code auto} = the installed esptool's flasher stub, {@code none} = the ROM loader, or a stub file),
 * {@code paced-line} (the virtual board's UART held to the modelled line rate), {@code interpreter}
 * and {@code heap} (what runs the virtual board's code, see {@link VirtualInterpreter}).
 */
public final class Esp32TargetKind implements TargetKind {

    @Override
    public String name() {
        return "esp32";
    }

    @Override
    public java.util.List<io.uconform.spi.KindOption> options() {
        return Esp32TargetOptions.OPTIONS;
    }

    @Override
    public Availability availability(TargetSpec spec) {
        try {
            DeviceSettingsLoader loader = DeviceSettingsLoader.system();
            DeviceSettings settings = loader.load(credentialsFile(spec));
            Esp32TargetOptions options = Esp32TargetOptions.parse(spec, settingsEnv(settings));
            if (options.linkCount() == 0) {
                PortFinder.soleKnownBridge(JSerialCommLink.listPorts());
                return Availability.available();
            }
            if (options.linkCount() > 1) {
                return Availability.unavailable("esp32: name one link only (port, vidpid, tcp or virtual)");
            }
            if (options.virtual().isPresent()) {
                VirtualInterpreter interpreter = VirtualInterpreter.parse(spec);
                if (!interpreter.onPath()) {
                    return Availability.unavailable("esp32: the virtual ESP32 runs its code with " + interpreter.describe()
                            + ", which is not on PATH");
                }
                if (options.app().isEmpty() && FirmwareLocator.referenceFirmware().isEmpty()) {
                    return Availability.unavailable("esp32: no app for the virtual board (set the option app; the"
                            + " reference firmware was not found: " + FirmwareLocator.searched() + ")");
                }
            }
            if (options.port().isPresent() && options.port().get().startsWith("/")
                    && !Files.exists(Path.of(options.port().get()))) {
                return Availability.unavailable("esp32: serial port " + options.port().get() + " not found");
            }
            if (options.vidpid().isPresent()) {
                PortFinder.byUsbId(JSerialCommLink.listPorts(), options.vidpid().get());
            }
            for (Path p : new Path[] {options.image().orElse(null), options.app().orElse(null)}) {
                if (p != null && !Files.exists(p)) {
                    return Availability.unavailable("esp32: " + p + " does not exist");
                }
            }
            return Availability.available();
        } catch (TargetException | CredentialsException | IllegalArgumentException e) {
            return Availability.unavailable(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("esp32: serial ports cannot be listed here (" + e + ")");
        }
    }

    @Override
    public Target create(TargetSpec spec) {
        DeviceSettings settings;
        try {
            settings = DeviceSettingsLoader.system().load(credentialsFile(spec));
        } catch (CredentialsException e) {
            throw new TargetException("esp32: " + e.getMessage());
        }
        Esp32TargetOptions named = Esp32TargetOptions.parse(spec, settingsEnv(settings));
        Esp32TargetOptions options = named.linkCount() == 0 ? foundBoard(named) : named;
        if (options.linkCount() > 1) {
            throw new TargetException("esp32: name exactly one link: the option port, vidpid, tcp or virtual"
                    + " (or UCONFORM_PORT)");
        }
        if (options.virtual().isPresent()) {
            Esp32TargetOptions virtual = options.app().isPresent() ? options
                    : FirmwareLocator.referenceFirmware().map(options::withApp).orElse(options);
            return new Esp32Target(virtual, () -> VirtualBoardConnection.start(options.virtual().get(),
                    options.image().isPresent(), settings.wifi(),
                    options.loopback().map(LoopbackBench::wires).orElse(LoopbackWires.none()), options.pacedLine(),
                    VirtualInterpreter.parse(spec)), settings.warnings());
        }
        return new Esp32Target(options, settings, LinkOpener.from(options));
    }

    /** No link named: the one board on a known ESP32 USB bridge; left unnamed (availability says why) when there is none. */
    private static Esp32TargetOptions foundBoard(Esp32TargetOptions options) {
        try {
            return options.withFoundBoard(PortFinder.soleKnownBridge(JSerialCommLink.listPorts()).usbId());
        } catch (IllegalArgumentException | LinkageError e) {
            return options;
        }
    }

    private static java.util.Optional<Path> credentialsFile(TargetSpec spec) {
        return spec.option("credentials").map(Path::of);
    }

    /** The port from the settings (env or file) fills in for a missing {@code port} option. */
    private static java.util.Map<String, String> settingsEnv(DeviceSettings settings) {
        return settings.port().map(p -> java.util.Map.of("UCONFORM_PORT", p)).orElse(java.util.Map.of());
    }

    /**
     * A pool: N virtual boards ({@code virtual=<chip>}), or one real board per serial port of a
     * comma-separated {@code port} list ({@code port=/dev/ttyUSB0,/dev/ttyUSB1}).
     */
    @Override
    public java.util.List<TargetSpec> poolMembers(TargetSpec spec, int size) {
        java.util.List<String> ports = spec.option("port").map(p -> java.util.Arrays.stream(p.split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).toList()).orElse(java.util.List.of());
        if (ports.size() > 1) {
            if (size > ports.size()) {
                throw new TargetException("esp32: a pool of " + size + " needs " + size + " serial ports, the option"
                        + " port names " + ports.size());
            }
            java.util.List<TargetSpec> members = new java.util.ArrayList<>();
            for (String port : ports.subList(0, size)) {
                java.util.Map<String, String> options = new java.util.LinkedHashMap<>(spec.options());
                options.put("port", port);
                members.add(new TargetSpec(spec.kind(), options, spec.profile()));
            }
            return java.util.List.copyOf(members);
        }
        if (size == 1 || spec.option("virtual").isPresent()) {
            return java.util.Collections.nCopies(size, spec);
        }
        throw new TargetException("esp32: a pool of " + size + " needs virtual=<chip> or one serial port per board"
                + " (port=/dev/ttyUSB0,/dev/ttyUSB1)");
    }

    /** One board per port of a comma-separated {@code port} list, else 1. */
    @Override
    public int defaultPoolSize(TargetSpec spec) {
        return spec.option("port").map(p -> (int) java.util.Arrays.stream(p.split(","))
                .filter(x -> !x.isBlank()).count()).filter(n -> n > 1).orElse(1);
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
