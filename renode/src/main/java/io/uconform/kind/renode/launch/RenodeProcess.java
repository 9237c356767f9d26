package io.uconform.kind.renode.launch;

import java.net.InetSocketAddress;

/** A running Renode (a local process or a container) whose monitor listens on a TCP port. */
public interface RenodeProcess extends AutoCloseable {

    /**
     * Where Renode's monitor (telnet mode) and socket terminals are reached from this host: the
     * loopback address, for a local process and for a container on the host network alike.
     */
    default InetSocketAddress address(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** False once the process or container has ended. */
    boolean isAlive();

    /** The last lines Renode logged, for failure messages. */
    String logTail();

    /** Ends Renode (forcibly if it does not end by itself within a few seconds). Idempotent. */
    @Override
    void close();
}
