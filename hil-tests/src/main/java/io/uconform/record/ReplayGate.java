package io.uconform.record;

import java.util.Optional;

/**
 * A target that serves a recording: it answers only what a check recorded, so the suite asks it
 * first whether a check can run, and tags each of the check's requests with
 * {@link #CHECK_HEADER} so that it answers with that check's recorded replies.
 */
public interface ReplayGate {

    /** The request header naming the check ({@code CoreChecks.indexListsItself}) in a replay. */
    String CHECK_HEADER = "X-Uconform-Check";

    /** Why {@code checkId} cannot be replayed from this recording; empty when it can. Never blocks. */
    Optional<String> notReplayable(String checkId);

    /**
     * A request of {@code checkId} the recording does not hold (a name made fresh for each run, a
     * random path), which the replay answered with garbage and a close: the check's verdict on the
     * replay proves nothing, it is skipped with this. Empty when every request was recorded.
     */
    Optional<String> strayed(String checkId);
}
