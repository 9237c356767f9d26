package io.uconform.kind.renode.launch;

import java.net.InetSocketAddress;

/** A running Renode (a local process or a container) whose monitor listens on a TCP port. */
public interface RenodeProcess extends AutoCloseable {

    /** Where Renode's monitor (telnet mode) and socket terminals are reached from this host. */
    InetSocketAddress address(int port);

    /** False once the process or container has ended. */
    boolean isAlive();

    /** The last lines Renode logged, for failure messages. */
    String logTail();

    /** Ends Renode (forcibly if it does not end by itself within a few seconds). Idempotent. */
    @Override
    void close();
}
