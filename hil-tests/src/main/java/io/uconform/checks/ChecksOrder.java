package io.uconform.checks;

/**
 * The order of the check classes (JUnit's {@code ClassOrderer$OrderAnnotation}): checks that only
 * need a well-behaved server first, then those that send malformed or oversized requests, and the
 * hostile campaigns last. A target that degrades under rejected input then fails the requirement
 * that covers it (ROB-01) instead of spoiling the verdicts of unrelated groups. Classes without an
 * order (other groups) run between {@link #MALFORMED} and {@link #HOSTILE}. That is the whole
 * rule without parallel execution. In a parallel run (a target pool) the classes that leave the
 * target as they found it ({@code @ConformanceChecks}) run concurrently, and the
 * {@code @LastConformanceChecks} ones ({@link SecretChecks}, {@link ErrorChecks},
 * {@link RobustnessChecks}) after all of them, one after another in this order, on instances no
 * earlier check gets again: the order's guarantee (no unrelated group meets a target that had
 * malformed input or rewritten secrets) holds, and the unordered groups get untouched instances too.
 */
final class ChecksOrder {

    static final int CORE = 10;
    static final int PROTOCOL = 20;
    static final int BOARD = 30;
    static final int BACKGROUND = 40;
    /** HOME-01 resets the device once: before the secrets are rewritten. */
    static final int HOME = 45;
    static final int SYSTEM = 50;
    /**
     * BOOT-02 writes throwaway station passwords: after every check that resets the device (SYS-02,
     * HOME-01), and before malformed input, which a degrading target answers worse and worse.
     */
    static final int SECRETS = 55;
    static final int CONNECTIONS = 60;
    static final int METHODS = 70;
    static final int LIMITS = 80;
    static final int MALFORMED = 90;
    static final int HOSTILE = Integer.MAX_VALUE;

    private ChecksOrder() {
    }
}
