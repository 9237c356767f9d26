package io.uconform.report;

import io.uconform.suite.ReportKeys;
import java.util.Arrays;

/** The outcome of one check on one target, as the report names it. */
public enum CheckStatus {
    PASSED("passed"),
    FAILED("failed"),
    SKIPPED("skipped"),
    NOT_CLAIMED("not claimed"),
    WAIVED("waived"),
    NOT_RUN("not run");

    private final String label;

    CheckStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CheckStatus ofLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown check status '" + label + "'"));
    }

    /** A skip (condition or abort) classified by the reason the suite gave. */
    public static CheckStatus ofSkipReason(String reason) {
        String r = reason == null ? "" : reason;
        if (r.startsWith(ReportKeys.NOT_CLAIMED)) {
            return NOT_CLAIMED;
        }
        if (r.startsWith(ReportKeys.WAIVED)) {
            return WAIVED;
        }
        if (r.startsWith(ReportKeys.NOT_RUN)) {
            return NOT_RUN;
        }
        return SKIPPED;
    }

    /**
     * The verdict of a requirement from its checks' statuses: any failure fails it; checks that could
     * not run (target down) make it "not run" rather than passed; then passed, waived, not claimed.
     */
    public static CheckStatus verdict(Iterable<CheckStatus> statuses) {
        CheckStatus best = null;
        for (CheckStatus s : statuses) {
            if (best == null || s.precedence() < best.precedence()) {
                best = s;
            }
        }
        return best == null ? SKIPPED : best;
    }

    private int precedence() {
        switch (this) {
            case FAILED:
                return 0;
            case NOT_RUN:
                return 1;
            case PASSED:
                return 2;
            case WAIVED:
                return 3;
            case NOT_CLAIMED:
                return 4;
            default:
                return 5;
        }
    }
}
