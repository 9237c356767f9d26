package io.uconform.cli;

/** The target cannot be reached or started here (exit 3); its message is one line for the user. */
final class TargetUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TargetUnavailable(String message) {
        super(message);
    }
}
