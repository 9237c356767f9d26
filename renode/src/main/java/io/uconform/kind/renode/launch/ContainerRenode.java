package io.uconform.kind.renode.launch;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import io.uconform.spi.TargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.IsRunningStartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * Renode from the {@code antmicro/renode} image at a pinned tag, through Testcontainers. The
 * container shares the host's network (so the host TAP, the monitor port and the UART port are the
 * host's, and the board's HTTP port is reached at its TAP address like on a local run), runs as root
 * inside with {@code NET_ADMIN} and {@code /dev/net/tun} (what attaching to the TAP needs), and sees
 * the work and cache directories at the same paths as the host.
 */
public final class ContainerRenode implements RenodeLauncher {

    /** The pinned image (renode-docker publishes one tag per Renode release). */
    public static final String IMAGE = "antmicro/renode:1.16.1";

    /**
     * Whether a Docker engine answers here (Testcontainers' own probe, asked only when a socket or
     * {@code DOCKER_HOST} exists, so a host without Docker is told quietly); never throws.
     */
    public static boolean dockerAvailable() {
        String dockerHost = System.getenv("DOCKER_HOST");
        boolean socket = java.nio.file.Files.exists(Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                || java.nio.file.Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if ((dockerHost == null || dockerHost.isBlank()) && !socket) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return "container " + IMAGE;
    }

    @Override
    @SuppressWarnings("resource") // closed by the returned process
    public RenodeProcess launch(Path workDir, List<Path> shared, int monitorPort, Duration timeout) {
        List<String> command = new ArrayList<>(List.of("renode"));
        command.addAll(RenodeLauncher.arguments(monitorPort));
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withNetworkMode("host")
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withUser("root");
                    cmd.getHostConfig().withCapAdd(Capability.NET_ADMIN).withDevices(Device.parse("/dev/net/tun"));
                })
                .withWorkingDirectory(workDir.toString())
                .withCommand(command.toArray(String[]::new))
                .withStartupCheckStrategy(new IsRunningStartupCheckStrategy())
                .withStartupTimeout(timeout);
        container.withFileSystemBind(workDir.toString(), workDir.toString(), BindMode.READ_WRITE);
        shared.forEach(p -> container.withFileSystemBind(p.toString(), p.toString(), BindMode.READ_ONLY));
        LogTail log = new LogTail();
        container.withLogConsumer(frame -> log.add(frame.getUtf8StringWithoutLineEnding()));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new TargetException("renode: the container " + IMAGE + " did not start within " + timeout.toSeconds()
                    + " s: " + e.getMessage(), log.toString(), e);
        }
        return new RenodeProcess() {
            @Override
            public boolean isAlive() {
                return container.isRunning();
            }

            @Override
            public String logTail() {
                return log.toString();
            }

            @Override
            public void close() {
                container.close();
            }
        };
    }
}
