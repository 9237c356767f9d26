package io.uconform.record;

import java.util.List;
import java.util.Objects;

/**
 * A check's record in {@code DIR/checks/<id>.json}: its verdict on the recorded target and what a
 * replay needs to decide whether it can reproduce it. Text is masked before it gets here.
 *
 * @param id            {@code Class.method}, also the file name and the replay's check tag
 * @param requirement   the requirement ID ({@code CORE-01})
 * @param status        {@code passed}, {@code failed} or {@code skipped}
 * @param reason        the failure or skip message, empty when it passed
 * @param durationMs    the check's wall time on the recorded target
 * @param notReplayable why a replay cannot reproduce it (live uses, declared timers); empty when it can
 * @param exchanges     how many HTTP exchanges it made (each is a stub mapping)
 * @param transcript    the check's evidence (requests, replies, notes), masked
 * @param console       the console lines of the check's window, masked
 */
public record RecordedCheck(String id, String requirement, String status, String reason, long durationMs,
                            List<String> notReplayable, int exchanges, List<String> transcript, List<String> console) {

    public RecordedCheck {
        Objects.requireNonNull(id, "id");
        notReplayable = List.copyOf(notReplayable);
        transcript = List.copyOf(transcript);
        console = List.copyOf(console);
    }

    /** Whether a replay reproduces this check's verdict: it ran to a verdict and used only HTTP. */
    public boolean replayable() {
        return notReplayable.isEmpty() && (status.equals("passed") || status.equals("failed"));
    }

    /** Why it is not replayable, for the skip message. */
    public String whyNot() {
        if (!notReplayable.isEmpty()) {
            return String.join("; ", notReplayable);
        }
        return status + " on the recorded target" + (reason.isBlank() ? "" : " (" + reason + ")");
    }
}
