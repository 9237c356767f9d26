package io.uconform.suite;

/** Keys of the JUnit report entries the suite publishes per check and the report listener reads. */
public final class ReportKeys {

    /** The target's display name, e.g. {@code sim}. */
    public static final String TARGET = "uconform.target";
    public static final String PROFILE = "uconform.profile";
    /** Target facts as {@code key=value} lines (versions, board). */
    public static final String FACTS = "uconform.facts";
    public static final String TRANSCRIPT = "uconform.transcript";
    /** Console lines printed while the check ran, one per line. */
    public static final String CONSOLE = "uconform.console";
    /** The failure message with secrets masked (the report prefers it to the raw message). */
    public static final String REASON = "uconform.reason";
    /**
     * The check's own wall time in ms, from getting its instance to its end (without the wait for a
     * free instance of a pool); the report prefers it to the time JUnit saw.
     */
    public static final String DURATION = "uconform.duration";
    /** The harness restarted the target after this check. */
    public static final String RESTARTED = "uconform.restarted";
    /** The target stopped answering after this check; later checks are not run. */
    public static final String DOWN = "uconform.down";

    /** Skip reasons the report classifies. */
    public static final String NOT_CLAIMED = "not claimed by profile ";
    public static final String WAIVED = "waived: ";
    public static final String NOT_RUN = "not run: ";

    private ReportKeys() {
    }
}
