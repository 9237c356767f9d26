package io.uconform.simulator;

/** The simulated device could not start; the message is one line (e.g. the port in use). */
public class SimulatorException extends RuntimeException {

    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
