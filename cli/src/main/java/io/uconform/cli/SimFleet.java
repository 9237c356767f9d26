package io.uconform.cli;

import io.uconform.simulator.SimulatorException;
import io.uconform.simulator.SimulatorOptions;
import io.uconform.simulator.board.BoardProfiles;
import io.uconform.simulator.fleet.FleetAddresses;
import io.uconform.simulator.fleet.SimulatedFleet;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/** {@code uconform sim --count N}: N boards, each on its own loopback address, one admin page for all. */
final class SimFleet {

    private SimFleet() {
    }

    static int run(String board, int count, int port, int adminPort, PrintWriter out) throws InterruptedException {
        if (count < 1 || count > FleetAddresses.MAX_BOARDS) {
            throw new IllegalArgumentException("--count must be 1.." + FleetAddresses.MAX_BOARDS + ", not " + count);
        }
        if (port < 0 || port > 65535 || adminPort < 0 || adminPort > 65535) {
            throw new IllegalArgumentException("ports must be 0..65535, not " + port + " and " + adminPort);
        }
        FleetAddresses addresses = FleetAddresses.forThisMachine(port);
        if (!addresses.ownAddresses() && port != 0 && port + count - 1 > 65535) {
            throw new IllegalArgumentException("--port " + port + " + " + count + " boards passes port 65535");
        }
        SimulatedFleet fleet;
        try {
            fleet = SimulatedFleet.start(SimulatorOptions.forBoard(BoardProfiles.byId(board)), count, addresses, adminPort);
        } catch (SimulatorException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        out.println("uconform sim: " + count + " boards " + board + (addresses.ownAddresses()
                ? ", each on its own loopback address: " : " on 127.0.0.1, one port each: ")
                + fleet.devices().get(0).baseUri() + " .. " + fleet.devices().get(count - 1).baseUri());
        out.println("uconform sim: fleet admin API and page at " + fleet.adminUri() + " (boards: " + fleet.adminUri()
                + "/fleet)");
        out.println("uconform sim: press Ctrl-C to stop");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fleet.close();
            stopped.countDown();
        }, "uconform-fleet-stop"));
        stopped.await();
        return Uconform.OK;
    }
}
