package io.uconform.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Claimed groups that the run did not verify on a target: none of their checks passed or failed
 * (every one was skipped, or skipped and waived). Such a group is reported "not verified" and makes
 * a CLI run exit non-zero, unless the profile waives the whole group with a reason (then its checks
 * are all "waived" and the group is not listed here).
 *
 * @param target  the target's name
 * @param group   the requirement group
 * @param skipped how many of its checks were skipped
 * @param reason  the skip reason of its first check, as an example of why
 */
public record NotVerified(String target, String group, int skipped, String reason) {

    /** Every not-verified (target, group) of a run, by target then group. */
    public static List<NotVerified> of(RunReport report) {
        Map<String, Map<String, List<CheckRecord>>> byTarget = new TreeMap<>();
        for (CheckRecord c : report.checks()) {
            byTarget.computeIfAbsent(c.target(), k -> new TreeMap<>())
                    .computeIfAbsent(c.group(), k -> new ArrayList<>()).add(c);
        }
        List<NotVerified> list = new ArrayList<>();
        byTarget.forEach((target, groups) -> groups.forEach((group, checks) -> {
            boolean judged = checks.stream().anyMatch(c -> c.status() == CheckStatus.PASSED
                    || c.status() == CheckStatus.FAILED || c.status() == CheckStatus.NOT_RUN
                    || c.status() == CheckStatus.NOT_CLAIMED);
            List<CheckRecord> skipped = checks.stream().filter(c -> c.status() == CheckStatus.SKIPPED).toList();
            if (!judged && !skipped.isEmpty()) {
                list.add(new NotVerified(target, group, skipped.size(), skipped.get(0).reason()));
            }
        }));
        return list;
    }

    /** One line for the CLI summary. */
    public String describe() {
        return "not verified: " + group + " on " + target + " (claimed, but all " + skipped + " of its checks "
                + "skipped, e.g. " + reason.replace("Assumption failed: ", "") + ")";
    }
}
