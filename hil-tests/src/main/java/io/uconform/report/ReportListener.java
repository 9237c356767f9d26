package io.uconform.report;

import io.uconform.profile.Profile;
import io.uconform.suite.Check;
import io.uconform.suite.ReportKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records conformance checks (methods annotated {@link Check}; other tests are ignored) and, when
 * at least one ran, writes {@code report.json} and {@code report.html} into
 * {@code uconform.report.dir} (configuration parameter or system property; default
 * {@code target/uconform-report}). Registered through {@code META-INF/services}.
 */
public class ReportListener implements TestExecutionListener {

    public static final String REPORT_DIR = "uconform.report.dir";
    public static final String DEFAULT_REPORT_DIR = "target/uconform-report";

    private final Map<String, PendingCheck> pending = new ConcurrentHashMap<>();
    private final Map<String, TargetFacts> targets = new ConcurrentHashMap<>();
    private final List<CheckRecord> finished = java.util.Collections.synchronizedList(new ArrayList<>());
    private TestPlan plan;
    private Instant startedAt;
    private Path reportDir;
    private RunReport report;
    private volatile boolean interrupted;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        startedAt = Instant.now();
        reportDir = Path.of(testPlan.getConfigurationParameters().get(REPORT_DIR).orElse(DEFAULT_REPORT_DIR));
        pending.clear();
        targets.clear();
        finished.clear();
        report = null;
        interrupted = false;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        requirement(id).ifPresent(req -> pending.put(id.getUniqueId(), new PendingCheck(checkId(id), req, targetOf(id))));
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        PendingCheck check = pending.get(id.getUniqueId());
        if (check == null) {
            String name = id.getDisplayName();
            if (!id.isTest() && name.startsWith("[") && name.endsWith("]")) {
                targets.computeIfAbsent(name.substring(1, name.length() - 1), TargetFacts::new)
                        .merge(entry.getKeyValuePairs());
            }
            return;
        }
        check.entries.putAll(entry.getKeyValuePairs());
        TargetFacts facts = targets.computeIfAbsent(check.target, TargetFacts::new);
        facts.merge(entry.getKeyValuePairs());
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (interrupted) {
            return;
        }
        requirement(id).ifPresent(req -> {
            String target = targetOf(id);
            targets.computeIfAbsent(target, TargetFacts::new);
            finished.add(new CheckRecord(checkId(id), req, Profile.groupOf(req), target,
                    CheckStatus.ofSkipReason(reason), reason, 0, "", ""));
        });
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (interrupted) {
            return;
        }
        PendingCheck check = pending.remove(id.getUniqueId());
        if (check == null) {
            return;
        }
        targets.computeIfAbsent(check.target, TargetFacts::new);
        String reason = Optional.ofNullable(check.entries.get(ReportKeys.REASON))
                .orElseGet(() -> result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse(""));
        CheckStatus status;
        switch (result.getStatus()) {
            case SUCCESSFUL:
                status = CheckStatus.PASSED;
                break;
            case ABORTED:
                status = CheckStatus.ofSkipReason(reason);
                break;
            default:
                status = CheckStatus.FAILED;
        }
        long ms = (System.nanoTime() - check.startNanos) / 1_000_000;
        finished.add(new CheckRecord(check.id, check.requirement, Profile.groupOf(check.requirement), check.target,
                status, reason, ms, check.entries.get(ReportKeys.TRANSCRIPT), check.entries.get(ReportKeys.CONSOLE)));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (finished.isEmpty() || interrupted) {
            return;
        }
        List<TargetRecord> targetRecords = new ArrayList<>();
        targets.values().stream().sorted((a, b) -> a.name.compareTo(b.name)).forEach(t -> targetRecords.add(t.toRecord()));
        List<CheckRecord> checks;
        synchronized (finished) {
            checks = List.copyOf(finished);
        }
        report = new RunReport(startedAt, Instant.now(), targetRecords, checks);
        try {
            ReportJson.write(report, reportDir.resolve("report.json"));
            ReportHtml.write(report, reportDir.resolve("report.html"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the uconform report into " + reportDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The run is being stopped (a signal): writes {@code report.json}, {@code report.html} and
     * {@code TEST-junit-jupiter.xml} now, marked interrupted, with the checks finished so far and the
     * ones running as "not run"; later events are ignored. Empty when no run started or it finished.
     */
    public synchronized Optional<RunReport> writeInterrupted(String why) {
        if (plan == null || report != null || interrupted) {
            return Optional.empty();
        }
        interrupted = true;
        List<CheckRecord> checks;
        synchronized (finished) {
            checks = new ArrayList<>(finished);
        }
        pending.values().forEach(p -> checks.add(new CheckRecord(p.id, p.requirement, Profile.groupOf(p.requirement),
                p.target, CheckStatus.NOT_RUN, ReportKeys.NOT_RUN + "the run was interrupted while the check ran", 0,
                p.entries.get(ReportKeys.TRANSCRIPT), p.entries.get(ReportKeys.CONSOLE))));
        List<TargetRecord> targetRecords = new ArrayList<>();
        targets.values().stream().sorted((a, b) -> a.name.compareTo(b.name)).forEach(t -> targetRecords.add(t.toRecord()));
        RunReport partial = new RunReport(startedAt, Instant.now(), targetRecords, checks, why);
        try {
            ReportJson.write(partial, reportDir.resolve("report.json"));
            ReportHtml.write(partial, reportDir.resolve("report.html"));
            JunitXml.write(partial, reportDir.resolve("TEST-junit-jupiter.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the partial report into " + reportDir + ": " + e.getMessage(), e);
        }
        return Optional.of(partial);
    }

    /** The report of the last run, when at least one check ran. */
    public Optional<RunReport> report() {
        return Optional.ofNullable(report);
    }

    /** Where the last run's report was (or would be) written. */
    public Path reportDir() {
        return reportDir;
    }

    private static Optional<String> requirement(TestIdentifier id) {
        if (!id.isTest() || id.getSource().isEmpty() || !(id.getSource().get() instanceof MethodSource)) {
            return Optional.empty();
        }
        try {
            Method method = ((MethodSource) id.getSource().get()).getJavaMethod();
            return Optional.ofNullable(method.getAnnotation(Check.class)).map(Check::value);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String checkId(TestIdentifier id) {
        MethodSource source = (MethodSource) id.getSource().orElseThrow();
        String cls = source.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + source.getMethodName();
    }

    /** The class template invocation names the target: {@code [sim]}. */
    private String targetOf(TestIdentifier id) {
        Optional<TestIdentifier> current = Optional.of(id);
        while (current.isPresent()) {
            String name = current.get().getDisplayName();
            if (name.startsWith("[") && name.endsWith("]") && !current.get().isTest()) {
                return name.substring(1, name.length() - 1);
            }
            current = plan == null ? Optional.empty() : plan.getParent(current.get());
        }
        return "unknown";
    }

    private static final class PendingCheck {
        final long startNanos = System.nanoTime();
        final String id;
        final String requirement;
        final String target;
        final Map<String, String> entries = new ConcurrentHashMap<>();

        PendingCheck(String id, String requirement, String target) {
            this.id = id;
            this.requirement = requirement;
            this.target = target;
        }
    }

    private static final class TargetFacts {
        final String name;
        volatile String profile = "";
        final Map<String, String> facts = new LinkedHashMap<>();
        final List<String> events = new ArrayList<>();

        TargetFacts(String name) {
            this.name = name;
        }

        synchronized void merge(Map<String, String> entries) {
            Optional.ofNullable(entries.get(ReportKeys.PROFILE)).ifPresent(p -> profile = p);
            Optional.ofNullable(entries.get(ReportKeys.FACTS)).ifPresent(text -> text.lines().forEach(line -> {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    facts.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }));
            Optional.ofNullable(entries.get(ReportKeys.RESTARTED)).filter(e -> !events.contains(e)).ifPresent(events::add);
            Optional.ofNullable(entries.get(ReportKeys.DOWN)).filter(e -> !events.contains(e)).ifPresent(events::add);
        }

        synchronized TargetRecord toRecord() {
            return new TargetRecord(name, profile, facts, events);
        }
    }
}
