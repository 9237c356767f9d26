package io.uconform.kind.renode.support;

import io.uconform.kind.renode.launch.RenodeLauncher;
import io.uconform.kind.renode.launch.RenodeProcess;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A launcher whose "Renode" is a {@link TranscriptMonitor}: any monitor port maps to the transcript's. */
public final class FakeLauncher implements RenodeLauncher {

    private final TranscriptMonitor monitor;
    private final AtomicBoolean closed = new AtomicBoolean();

    public FakeLauncher(TranscriptMonitor monitor) {
        this.monitor = monitor;
    }

    public boolean closed() {
        return closed.get();
    }

    @Override
    public String describe() {
        return "transcript";
    }

    @Override
    public RenodeProcess launch(Path workDir, List<Path> shared, int monitorPort, Duration timeout) {
        return new RenodeProcess() {
            @Override
            public InetSocketAddress address(int port) {
                return port == monitorPort ? monitor.address() : new InetSocketAddress("127.0.0.1", port);
            }

            @Override
            public boolean isAlive() {
                return !closed.get();
            }

            @Override
            public String logTail() {
                return "12:00:01.7380 [INFO] Monitor available in telnet mode on port " + monitorPort;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }
}
