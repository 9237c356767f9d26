package io.uconform.kind.renode.launch;

import io.uconform.spi.TargetException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Renode installed on this host ({@code renode=<path>} or {@code renode} on PATH), run as a child process. */
public final class LocalRenode implements RenodeLauncher {

    private final Path executable;

    public LocalRenode(Path executable) {
        this.executable = executable;
    }

    @Override
    public String describe() {
        return "local " + executable;
    }

    @Override
    public RenodeProcess launch(Path workDir, List<Path> shared, int monitorPort, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(RenodeLauncher.arguments(monitorPort));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new TargetException("renode: cannot start " + executable + ": " + e.getMessage(), e);
        }
        LogTail log = new LogTail();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    log.add(line);
                }
            } catch (IOException e) {
                log.add("[uconform] renode log ended: " + e.getMessage());
            }
        }, "renode-log");
        reader.setDaemon(true);
        reader.start();
        return new RenodeProcess() {
            @Override
            public boolean isAlive() {
                return process.isAlive();
            }

            @Override
            public String logTail() {
                return log.toString();
            }

            @Override
            public void close() {
                if (!process.isAlive()) {
                    return;
                }
                process.destroy();
                try {
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
