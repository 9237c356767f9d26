package io.uconform.suite;

import io.uconform.profile.Profile;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What a run with a profile would do, without running anything ({@code uconform run --explain}):
 * for every check its requirement, what it needs from the profile and whether it would run, be
 * skipped (and why), be "not claimed" or waived; then the claimed groups no check of which could run.
 */
public final class Explain {

    /** One check's plan. */
    public record Line(String requirement, String check, CheckNeeds needs, String plan) {
        boolean runs() {
            return plan.equals(RUNS);
        }
    }

    static final String RUNS = "runs";

    private Explain() {
    }

    /** The plan of every {@link Check} method in {@code checksPackage} under {@code profile}, by requirement. */
    public static List<Line> plan(Profile profile, String checksPackage) {
        List<Line> lines = new ArrayList<>();
        for (Class<?> type : checkClasses(checksPackage)) {
            for (Method m : type.getDeclaredMethods()) {
                Check check = m.getAnnotation(Check.class);
                if (check == null) {
                    continue;
                }
                CheckNeeds needs = CheckNeeds.of(m);
                lines.add(new Line(check.value(), type.getSimpleName() + "." + m.getName(), needs,
                        planOf(profile, check.value(), needs)));
            }
        }
        lines.sort(Comparator.comparing(Line::requirement, Explain::compareIds).thenComparing(Line::check));
        return lines;
    }

    static String planOf(Profile profile, String requirement, CheckNeeds needs) {
        if (!profile.claims(Profile.groupOf(requirement))) {
            return "not claimed";
        }
        Optional<String> waiver = profile.waiver(requirement);
        if (waiver.isPresent()) {
            return ReportKeys.WAIVED + waiver.get();
        }
        return needs.unmetByProfile(profile).or(() -> needs.unmetLimits(profile, false))
                .map(reason -> "skipped: " + reason).orElse(RUNS);
    }

    /** Claimed groups none of whose checks would run (they would be "not verified"), with their check count. */
    public static Map<String, Integer> unverifiable(Profile profile, List<Line> lines) {
        Map<String, Integer> checks = new TreeMap<>();
        Map<String, Boolean> anyRuns = new TreeMap<>();
        for (Line line : lines) {
            String group = Profile.groupOf(line.requirement());
            if (!profile.claims(group) || line.plan().startsWith(ReportKeys.WAIVED)) {
                continue;
            }
            checks.merge(group, 1, Integer::sum);
            anyRuns.merge(group, line.runs(), Boolean::logicalOr);
        }
        Map<String, Integer> none = new LinkedHashMap<>();
        checks.forEach((group, n) -> {
            if (!anyRuns.get(group)) {
                none.put(group, n);
            }
        });
        return none;
    }

    /** Prints the plan: one line per check, then the totals and the groups that could not be verified. */
    public static void print(Profile profile, String checksPackage, PrintWriter out) {
        List<Line> lines = plan(profile, checksPackage);
        int width = lines.stream().mapToInt(l -> l.check().length()).max().orElse(20);
        out.printf("uconform: what profile %s would run (nothing is run); it claims %s%n", profile.name(),
                String.join(", ", new java.util.TreeSet<>(profile.groups())));
        Map<String, Integer> unclaimed = new TreeMap<>();
        for (Line line : lines) {
            if (line.plan().equals("not claimed")) {
                unclaimed.merge(Profile.groupOf(line.requirement()), 1, Integer::sum);
                continue;
            }
            out.printf("%-10s %-" + width + "s  needs %s%n%11s-> %s%n", line.requirement(), line.check(),
                    line.needs().describe(), "", line.plan());
        }
        if (!unclaimed.isEmpty()) {
            out.println("uconform: not claimed: " + unclaimed.toString().replaceAll("[{}]", "").replace("=", " ")
                    .replace(",", " checks,") + " checks");
        }
        Map<String, Long> totals = new TreeMap<>();
        lines.forEach(l -> totals.merge(l.runs() ? "would run" : l.plan().startsWith("skipped") ? "skipped"
                : l.plan().startsWith(ReportKeys.WAIVED) ? "waived" : "not claimed", 1L, Long::sum));
        out.println("uconform: " + lines.size() + " checks: " + totals.toString().replaceAll("[{}]", "")
                .replace("=", ": "));
        out.println("uconform: limits the profile does not state skip their checks only on targets the harness does "
                + "not configure (url); sim, host and esp32 run with known limits");
        Map<String, Integer> none = unverifiable(profile, lines);
        if (none.isEmpty()) {
            out.println("uconform: every claimed group has checks that would run");
        } else {
            none.forEach((group, n) -> out.println("uconform: not verified: " + group + " (claimed, but none of its "
                    + n + " checks would run; bind the roles above, or waive the group with a reason)"));
        }
        out.flush();
    }

    private static List<Class<?>> checkClasses(String checksPackage) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(checksPackage)).build();
        TestPlan plan = LauncherFactory.create().discover(request);
        List<Class<?>> classes = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier child : plan.getDescendants(root)) {
                child.getSource().filter(ClassSource.class::isInstance).map(s -> ((ClassSource) s).getJavaClass())
                        .filter(c -> (c.isAnnotationPresent(ConformanceChecks.class)
                                || c.isAnnotationPresent(LastConformanceChecks.class)) && !classes.contains(c))
                        .ifPresent(classes::add);
            }
        }
        classes.sort(Comparator.comparing(Class::getSimpleName));
        return classes;
    }

    /** {@code PROTO-2} before {@code PROTO-10}. */
    private static int compareIds(String a, String b) {
        int da = a.lastIndexOf('-');
        int db = b.lastIndexOf('-');
        if (da > 0 && db > 0 && a.substring(0, da).equals(b.substring(0, db))) {
            try {
                return Integer.compare(Integer.parseInt(a.substring(da + 1)), Integer.parseInt(b.substring(db + 1)));
            } catch (NumberFormatException e) {
                return a.compareTo(b);
            }
        }
        return a.compareTo(b);
    }
}
