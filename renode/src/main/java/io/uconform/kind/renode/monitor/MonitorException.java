package io.uconform.kind.renode.monitor;

/** The Renode monitor could not be reached, did not answer in time, or refused a command. One line. */
public class MonitorException extends RuntimeException {

    public MonitorException(String message) {
        super(message);
    }

    public MonitorException(String message, Throwable cause) {
        super(message, cause);
    }
}
