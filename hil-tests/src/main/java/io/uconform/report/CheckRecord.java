package io.uconform.report;

/**
 * One check on one target, as reported.
 *
 * @param id          {@code ClassName.method}
 * @param requirement requirement ID, e.g. {@code KA-01}
 * @param group       requirement group, e.g. {@code KA}
 * @param target      target display name, e.g. {@code sim}
 * @param status      outcome
 * @param reason      failure message or skip reason; empty when passed
 * @param durationMs  wall time of the check (0 when it did not run)
 * @param transcript  requests, responses and notes recorded while it ran
 * @param console     console lines the target printed while it ran
 */
public record CheckRecord(String id, String requirement, String group, String target, CheckStatus status,
                          String reason, long durationMs, String transcript, String console) {

    public CheckRecord {
        reason = reason == null ? "" : reason;
        transcript = transcript == null ? "" : transcript;
        console = console == null ? "" : console;
    }
}
