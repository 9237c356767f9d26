package io.uconform.simulator.fleet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Where the boards of a fleet listen: each on its own loopback address, 127.0.1.1, 127.0.1.2, ...
 * 127.0.1.254, 127.0.2.1, ... all on the same port, where the OS routes all of 127.0.0.0/8 to
 * loopback (Linux); otherwise (macOS, Windows) all on 127.0.0.1, on consecutive ports.
 *
 * @param ownAddresses true when every board has an address of its own
 * @param port         the port of every board (own addresses), or of the first board
 */
public record FleetAddresses(boolean ownAddresses, int port) {

    /** Boards an address plan can hold: 127.0.1.1 .. 127.0.254.254. */
    public static final int MAX_BOARDS = 254 * 254;

    /** The plan for this machine: own addresses when a socket can bind 127.0.1.1. */
    public static FleetAddresses forThisMachine(int port) {
        return new FleetAddresses(canBind("127.0.1.1"), port);
    }

    /** Board {@code index} (0-based): {@code 127.0.1.1}, ... or {@code 127.0.0.1}. */
    public String host(int index) {
        check(index);
        return ownAddresses ? "127.0." + (1 + index / 254) + "." + (1 + index % 254) : "127.0.0.1";
    }

    /** Board {@code index}'s port: the same for all with own addresses (0 = any), else consecutive. */
    public int port(int index) {
        check(index);
        return ownAddresses || port == 0 ? port : port + index;
    }

    private static void check(int index) {
        if (index < 0 || index >= MAX_BOARDS) {
            throw new IllegalArgumentException("a fleet has 1.." + MAX_BOARDS + " boards, no board " + (index + 1));
        }
    }

    static boolean canBind(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
