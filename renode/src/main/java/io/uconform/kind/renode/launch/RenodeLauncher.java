package io.uconform.kind.renode.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Starts Renode headless with its monitor on a TCP port: a local installation or the container image. */
public interface RenodeLauncher {

    /** For facts and messages, e.g. {@code local /opt/renode/renode} or {@code container antmicro/renode:1.16.1}. */
    String describe();

    /**
     * Starts {@code renode --disable-gui --plain -P <monitorPort>} in {@code workDir}; {@code shared}
     * are host directories Renode must see at the same paths (the firmware cache, the work dir).
     *
     * @throws io.uconform.spi.TargetException one line when it cannot be started within {@code timeout}
     */
    RenodeProcess launch(Path workDir, List<Path> shared, int monitorPort, Duration timeout);

    /** The headless command line (without the program). */
    static List<String> arguments(int monitorPort) {
        return List.of("--disable-gui", "--plain", "-P", String.valueOf(monitorPort));
    }
}
