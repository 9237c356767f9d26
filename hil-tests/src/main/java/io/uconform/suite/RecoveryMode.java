package io.uconform.suite;

import io.uconform.console.Console;
import io.uconform.console.ConsoleLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a target serves its recovery app rather than the app under test, read from its console:
 * the last {@code UCONFORM READY ... mode=recovery} line, with the reason of the
 * {@code UCONFORM RECOVERY reason=...} line before it (the firmware's console protocol).
 */
final class RecoveryMode {

    static final Pattern READY = Pattern.compile("UCONFORM READY url=\\S+(?:\\s+mode=(\\S+))?");
    static final Pattern RECOVERY = Pattern.compile("UCONFORM RECOVERY reason=(.*)$");

    private RecoveryMode() {
    }

    static final Pattern READY_IN_RECOVERY = Pattern.compile("UCONFORM READY url=\\S+\\s+mode=recovery");
    static final Duration RECOVERY_LINE_WAIT = Duration.ofSeconds(1);
    static final Duration READY_LINE_WAIT = Duration.ofSeconds(4);

    /**
     * For a target that just stopped answering: waits for it to say it is rebooting into recovery
     * (a {@code UCONFORM RECOVERY} line since {@code since}, then its ready line), so a reboot
     * into recovery is not mistaken for a dead target. False at once for a target that says neither.
     */
    static boolean awaitFall(Console console, Instant since) {
        List<ConsoleLine> lines = console.lines();
        int from = 0;
        while (from < lines.size() && lines.get(from).at().isBefore(since)) {
            from++;
        }
        Optional<ConsoleLine> recovery = console.awaitLine(RECOVERY, from, RECOVERY_LINE_WAIT);
        return recovery.isPresent() && console.awaitLine(READY_IN_RECOVERY, from, READY_LINE_WAIT).isPresent();
    }

    /** The recovery reason when the last ready line says {@code mode=recovery}; empty otherwise. */
    static Optional<String> of(Console console) {
        String reason = null;
        boolean inRecovery = false;
        for (ConsoleLine line : console.lines()) {
            Matcher recovery = RECOVERY.matcher(line.text());
            if (recovery.find()) {
                reason = recovery.group(1).trim();
                continue;
            }
            Matcher ready = READY.matcher(line.text());
            if (ready.find()) {
                inRecovery = "recovery".equals(ready.group(1));
                if (!inRecovery) {
                    reason = null;
                }
            }
        }
        if (!inRecovery) {
            return Optional.empty();
        }
        return Optional.of(reason == null || reason.isEmpty() ? "no reason printed" : reason);
    }
}
