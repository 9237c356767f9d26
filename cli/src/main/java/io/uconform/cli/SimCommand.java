package io.uconform.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
@Command(name = "sim", description = "Start a simulated board serving the reference API; runs until interrupted.")
final class SimCommand implements Callable<Integer> {

    /** The simulator's entry point, looked up at run time so the CLI builds without it. */
    static final String LAUNCHER = "io.uconform.simulator.SimulatorLauncher";

    @Spec
    CommandSpec spec;

    @Option(names = "--board", defaultValue = "esp32-devkitc", description = "board profile (default: ${DEFAULT-VALUE})")
    String board;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port of the device, 0 for any (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--admin-port", defaultValue = "8081", description = "admin API port, 0 for any (default: ${DEFAULT-VALUE})")
    int adminPort;

    @Override
    public Integer call() throws Exception {
        AutoCloseable device = start();
        Class<?> type = device.getClass();
        spec.commandLine().getOut().println("uconform sim: board " + board + " serving at " + type.getMethod("baseUri").invoke(device));
        spec.commandLine().getOut().println("uconform sim: admin API and board view at " + type.getMethod("adminUri").invoke(device));
        spec.commandLine().getOut().println("uconform sim: press Ctrl-C to stop");
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                device.close();
            } catch (Exception e) {
                System.err.println("uconform: closing the simulated device failed: " + e.getMessage());
            }
            stopped.countDown();
        }, "uconform-sim-stop"));
        stopped.await();
        return Uconform.OK;
    }

    private AutoCloseable start() throws Exception {
        Method start;
        try {
            start = Class.forName(LAUNCHER).getMethod("start", String.class, int.class, int.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalArgumentException("the simulator is not on the class path (" + LAUNCHER + ")");
        }
        try {
            return (AutoCloseable) start.invoke(null, board, port, adminPort);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(Uconform.firstLine(cause.getMessage() == null ? cause.toString() : cause.getMessage()), cause);
        }
    }
}
