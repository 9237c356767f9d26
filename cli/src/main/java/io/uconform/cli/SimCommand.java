package io.uconform.cli;

import io.uconform.simulator.SimulatedDevice;
import io.uconform.simulator.SimulatorException;
import io.uconform.simulator.SimulatorLauncher;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code uconform sim}: starts a simulated device through the simulator's launcher, prints its URL
 * and admin URL, and runs until interrupted (Ctrl-C closes the device).
 */
@Command(name = "sim", mixinStandardHelpOptions = true, description = "Start a simulated board serving the reference API; runs until interrupted.")
final class SimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--board", defaultValue = "esp32-devkitc", description = "board profile (default: ${DEFAULT-VALUE})")
    String board;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port of the device, 0 for any (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--admin-port", defaultValue = "8081", description = "admin API port, 0 for any (default: ${DEFAULT-VALUE})")
    int adminPort;

    @Option(names = "--count", defaultValue = "1", description = "boards to start (a fleet: each on its own loopback"
            + " address 127.0.1.1, 127.0.1.2, ... on the same port, or consecutive ports where the OS has no 127/8;"
            + " one admin page for all; default: ${DEFAULT-VALUE})")
    int count;

    @Override
    public Integer call() throws InterruptedException {
        if (count != 1) {
            return SimFleet.run(board, count, port, adminPort, spec.commandLine().getOut());
        }
        SimulatedDevice device;
        try {
            device = SimulatorLauncher.start(board, port, adminPort);
        } catch (SimulatorException e) {
            // one line for the user (port in use, ...), like the launcher's IllegalArgumentExceptions
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("uconform sim: board " + board + " serving at " + device.baseUri());
        out.println("uconform sim: admin API and board view at " + device.adminUri());
        out.println("uconform sim: press Ctrl-C to stop");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            device.close();
            stopped.countDown();
        }, "uconform-sim-stop"));
        stopped.await();
        return Uconform.OK;
    }
}
