package io.uconform.checks.support;

import io.uconform.client.RawConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Watches a loopback server read what a raw connection sent, through the kernel's socket table
 * ({@code /proc/net/tcp}, {@code /proc/net/tcp6} on Linux): the bytes are read by the server's
 * application when our side has none unacknowledged ({@code tx_queue} 0) and the server's side of the
 * connection has none waiting ({@code rx_queue} 0). So a check can cut a request at known byte
 * offsets and know that each piece reached the server's parser on its own (PROTO-06), instead of
 * guessing with a pause. Not available for remote targets or off Linux: {@link #of} is then empty.
 */
public final class ServerReads {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private final int localPort;
    private final int serverPort;
    private List<Path> tables = TABLES;
    private Path oursIn;
    private Path theirsIn;

    private ServerReads(int localPort, int serverPort) {
        this.localPort = localPort;
        this.serverPort = serverPort;
    }

    /** An observer for {@code c} when its peer is on this machine and the socket table is readable. */
    public static Optional<ServerReads> of(RawConnection c, int serverPort) {
        InetSocketAddress local;
        try {
            local = c.localAddress();
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
        if (local == null || !local.getAddress().isLoopbackAddress()) {
            return Optional.empty();
        }
        ServerReads reads = new ServerReads(local.getPort(), serverPort);
        return reads.queues().isPresent() ? Optional.of(reads) : Optional.empty();
    }

    /**
     * Waits until the server has read everything sent so far, or the peer closed or answered (a
     * server that answers an incomplete request has read it too), at most {@code timeout}.
     * @return true when the server read it all in time
     */
    public boolean awaitRead(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<long[]> q = queues();
            if (q.isEmpty() || (q.get()[0] == 0 && q.get()[1] == 0)) {
                // gone from the table: the server closed; nothing more to wait for
                return true;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        return false;
    }

    /** Our side's tx_queue and the server side's rx_queue, when both sockets are in the table. */
    private Optional<long[]> queues() {
        Long ours = null;
        Long theirs = null;
        for (Path table : tables) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException | SecurityException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 5 || !f[3].equals("01")) {
                    continue;
                }
                int lport = port(f[1]);
                int rport = port(f[2]);
                String[] queue = f[4].split(":");
                if (lport == localPort && rport == serverPort) {
                    ours = Long.parseLong(queue[0], 16);
                    oursIn = table;
                } else if (lport == serverPort && rport == localPort) {
                    theirs = Long.parseLong(queue[1], 16);
                    theirsIn = table;
                }
            }
        }
        if (ours == null || theirs == null) {
            return Optional.empty();
        }
        if (tables.size() > 1) {
            // read only the tables the two sockets are in from now on (each read costs)
            tables = oursIn.equals(theirsIn) ? List.of(oursIn) : List.of(oursIn, theirsIn);
        }
        return Optional.of(new long[] {ours, theirs});
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }
}
