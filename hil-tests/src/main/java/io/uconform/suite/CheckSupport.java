package io.uconform.suite;

import io.uconform.client.Transcript;
import io.uconform.console.ConsoleLine;
import io.uconform.console.SecretMask;
import io.uconform.console.VisibleText;
import io.uconform.profile.Profile;
import io.uconform.spi.TargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * The per-target half of the suite: decides whether a check runs (claims, waivers, availability,
 * target down), starts the shared target, injects the {@link CheckContext}, and after each check
 * publishes its evidence and reacts when the target stopped answering.
 */
final class CheckSupport implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, ParameterResolver,
        AfterTestExecutionCallback, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(CheckSupport.class);
    private static final String CONSOLE_FROM = "console-from";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(pass|secret|token).*");

    /** System property: report checks that passed without asking for everything they declare. */
    static final String NEEDS_AUDIT = "uconform.needs.audit";

    private final TargetPool pool;
    private final String label;
    private final ClassStages.Stage stage;

    /**
     * @param label the target's name in this run's reports ({@code sim}, or {@code sim#2} when two are alike)
     * @param stage the stage of the check class in this run ({@link ClassStages})
     */
    CheckSupport(TargetPool pool, String label, ClassStages.Stage stage) {
        this.pool = pool;
        this.label = label;
        this.stage = stage;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Check> check = check(context);
        if (check.isEmpty()) {
            return ConditionEvaluationResult.enabled("not a conformance check");
        }
        Profile profile = pool.profile();
        if (profile != null) {
            String requirement = check.get().value();
            if (!profile.claims(Profile.groupOf(requirement))) {
                return ConditionEvaluationResult.disabled(ReportKeys.NOT_CLAIMED + profile.name());
            }
            Optional<String> waiver = profile.waiver(requirement);
            if (waiver.isPresent()) {
                return ConditionEvaluationResult.disabled(ReportKeys.WAIVED + waiver.get());
            }
            Optional<String> unmet = CheckNeeds.of(context.getRequiredTestMethod()).unmetByProfile(profile);
            if (unmet.isPresent()) {
                return ConditionEvaluationResult.disabled(unmet.get());
            }
        }
        if (!pool.availability().isAvailable()) {
            return ConditionEvaluationResult.disabled(pool.availability().reason());
        }
        Optional<String> recovery = pool.recoveryCause();
        if (recovery.isPresent()) {
            return ConditionEvaluationResult.disabled(ReportKeys.NOT_RUN + "target in recovery (" + recovery.get() + ")");
        }
        return pool.downCause()
                .map(cause -> ConditionEvaluationResult.disabled(ReportKeys.NOT_RUN + "target down (after " + cause + ")"))
                .orElseGet(() -> ConditionEvaluationResult.enabled("claimed by profile " + profile.name()));
    }

    /** Names the target and its profile on the class invocation, so the report knows them even when no check runs. */
    @Override
    public void beforeAll(ExtensionContext context) {
        publish(context, ReportKeys.TARGET, label);
        if (pool.profile() != null) {
            publish(context, ReportKeys.PROFILE, pool.profile().name());
        }
        if (!pool.availability().isAvailable()) {
            publish(context, ReportKeys.DOWN, "unavailable: " + pool.availability().reason());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (check(context).isEmpty()) {
            return;
        }
        CheckNeeds needs = CheckNeeds.of(context.getRequiredTestMethod());
        TargetPool.Lease lease;
        try {
            lease = pool.lease(context.getRequiredTestMethod().isAnnotationPresent(RunsAlone.class),
                    context.getRequiredTestMethod().isAnnotationPresent(CountsConnections.class), stage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Assumptions.abort(ReportKeys.NOT_RUN + "interrupted while waiting for an instance of " + label);
            return;
        } catch (TargetException e) {
            Assumptions.abort(e.getMessage().startsWith(ReportKeys.NOT_RUN) ? e.getMessage()
                    : ReportKeys.NOT_RUN + e.getMessage());
            return;
        }
        context.getStore(NS).put(TargetPool.Lease.class, lease);
        java.time.Instant began = java.time.Instant.now();  // the check's time starts once it has an instance
        // the check's console window opens before its instance starts, so the boot lines are its evidence too
        context.getStore(NS).put(CONSOLE_FROM, java.time.Instant.now());
        TargetSession member = lease.member();
        boolean firstUse = !member.started();
        try {
            member.running();  // started first: a target in recovery is restarted before the check gets it
        } catch (TargetException e) {
            context.getStore(NS).remove(TargetPool.Lease.class);
            lease.close();
            Assumptions.abort(ReportKeys.NOT_RUN + "target failed to start: " + e.getMessage());
        }
        Optional<String> notReplayable = RecordHook.notReplayable(member, checkName(context));
        if (notReplayable.isPresent()) {
            context.getStore(NS).remove(TargetPool.Lease.class);
            lease.close();
            Assumptions.abort(RecordHook.NOT_REPLAYABLE + notReplayable.get());
        }
        Optional<String> fell = member.recoveryCause().isEmpty() ? member.runningRecovery() : Optional.empty();
        Optional<String> recovery = member.recovery("before " + checkName(context));
        if (fell.isPresent() && recovery.isEmpty()) {
            publish(context, ReportKeys.RESTARTED, "target " + memberLabel(member) + " fell into recovery before "
                    + checkName(context) + " (" + fell.get() + "); restarted");
        }
        if (recovery.isPresent()) {
            publish(context, ReportKeys.DOWN, "target " + memberLabel(member) + " in recovery: " + recovery.get());
            context.getStore(NS).remove(TargetPool.Lease.class);
            lease.close();
            Assumptions.abort(ReportKeys.NOT_RUN + "target in recovery (" + recovery.get() + ")");
        }
        TargetCheckContext checkContext;
        try {
            checkContext = new TargetCheckContext(member, new Transcript(mask()), checkName(context),
                    check(context).map(Check::value).orElse(""), needs, began);
            if (pool.size() > 1) {
                checkContext.note("instance " + member.member() + " of a pool of " + pool.size() + " ("
                        + checkContext.uri() + ")");
                if (firstUse) {
                    publish(context, ReportKeys.FACTS, "pool." + member.member() + "=" + checkContext.uri());
                }
            }
        } catch (TargetException e) {
            context.getStore(NS).remove(TargetPool.Lease.class);
            lease.close();
            Assumptions.abort(ReportKeys.NOT_RUN + "target failed to start: " + e.getMessage());
            return;
        }
        Optional<String> unmetLimits = needs.unmetLimits(pool.profile(), checkContext.targetConfiguredLimits());
        if (unmetLimits.isPresent()) {
            context.getStore(NS).remove(TargetPool.Lease.class);
            lease.close();
            Assumptions.abort(unmetLimits.get());
        }
        context.getStore(NS).put(TargetCheckContext.class, checkContext);
    }

    private static String checkName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CheckContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return current(context).orElseThrow(() -> new IllegalStateException(
                "a CheckContext is injected only into @Check methods"));
    }

    static Optional<TargetCheckContext> current(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NS).get(TargetCheckContext.class, TargetCheckContext.class));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        try (TargetPool.Lease lease = context.getStore(NS).remove(TargetPool.Lease.class, TargetPool.Lease.class)) {
            if (lease != null) {
                afterCheck(context, lease.member());
            }
        }
    }

    /** Publishes the check's evidence and reacts when its instance stopped answering; before the lease ends. */
    private void afterCheck(ExtensionContext context, TargetSession member) {
        TargetCheckContext checkContext = context.getStore(NS).remove(TargetCheckContext.class, TargetCheckContext.class);
        if (checkContext == null) {
            return;
        }
        checkContext.closeConnections();
        if (Boolean.getBoolean(NEEDS_AUDIT) && context.getExecutionException().isEmpty()
                && !checkContext.declaredButUnused().isEmpty()) {
            System.err.println("uconform needs audit: " + context.getRequiredTestClass().getSimpleName() + "."
                    + context.getRequiredTestMethod().getName() + " declares but never asked for "
                    + checkContext.declaredButUnused());
        }
        publish(context, ReportKeys.TARGET, label);
        publish(context, ReportKeys.PROFILE, checkContext.profile().name());
        if (pool.firstFactsPublication()) {
            publish(context, ReportKeys.FACTS, facts(checkContext)
                    + (pool.size() > 1 ? "\npool=" + pool.size() + "\npool." + member.member() + "="
                    + checkContext.uri() : ""));
        }
        publish(context, ReportKeys.DURATION, Long.toString(java.time.Duration.between(checkContext.started(),
                java.time.Instant.now()).toMillis()));
        publish(context, ReportKeys.TRANSCRIPT, checkContext.transcript().text());
        publish(context, ReportKeys.CONSOLE, checkContext.targetConsole().lines().stream()
                .filter(line -> !line.at().isBefore(consoleFrom(context, checkContext)))
                .map(ConsoleLine::toString).collect(Collectors.joining("\n")));
        Optional<Throwable> failure = context.getExecutionException()
                .filter(e -> !(e instanceof TestAbortedException));
        failure.map(Throwable::getMessage).ifPresent(m -> publish(context, ReportKeys.REASON, checkContext.transcript().mask(m)));
        RecordHook.after(context, checkContext, label, consoleFrom(context, checkContext));
        boolean stoppedAnswering = failure.isPresent() && !Liveness.answers(checkContext.uri())
                && !RecoveryMode.awaitFall(checkContext.targetConsole(), checkContext.started());
        Optional<String> fell = member.recoveryCause().isEmpty() ? RecoveryMode.of(checkContext.targetConsole()) : Optional.empty();
        if (fell.isPresent()) {
            // the target fell into recovery during this check: restarted once; still there, later checks are not run
            Optional<String> still = member.recovery("after " + checkName(context));
            publish(context, still.isPresent() ? ReportKeys.DOWN : ReportKeys.RESTARTED, "target " + memberLabel(member)
                    + " fell into recovery during " + checkName(context) + " (" + fell.get() + ")"
                    + (still.isPresent() ? "; still in recovery after a restart: later checks are not run" : "; restarted"));
        } else if (stoppedAnswering) {
            targetStoppedAnswering(context, member);
        }
    }

    /** What a check throws reaches JUnit XML and Surefire too: masked and with control bytes visible. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        Optional<TargetCheckContext> checkContext = current(context);
        if (checkContext.isEmpty()) {
            throw thrown;
        }
        TargetPool.Lease lease = context.getStore(NS).get(TargetPool.Lease.class, TargetPool.Lease.class);
        Optional<String> strayed = lease == null || thrown instanceof TestAbortedException ? Optional.empty()
                : RecordHook.strayed(lease.member(), checkName(context));
        if (strayed.isPresent()) {
            throw new TestAbortedException(RecordHook.NOT_REPLAYABLE + strayed.get());
        }
        throw MaskedFailure.of(thrown, text -> VisibleText.of(checkContext.get().transcript().mask(text)));
    }

    private void targetStoppedAnswering(ExtensionContext context, TargetSession member) {
        String cause = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                + " (" + check(context).map(Check::value).orElse("?") + ")";
        if (member.ownsLifecycle()) {
            try {
                member.restart(cause);
                publish(context, ReportKeys.RESTARTED, "target " + memberLabel(member) + " stopped answering and was"
                        + " restarted after " + cause);
                return;
            } catch (RuntimeException e) {
                publish(context, ReportKeys.DOWN, "target " + memberLabel(member) + " down after " + cause
                        + "; restart failed: " + e.getMessage());
                return;
            }
        }
        member.markDown(cause);
        publish(context, ReportKeys.DOWN, "target " + memberLabel(member) + " stopped answering GET / after " + cause);
    }

    private static java.time.Instant consoleFrom(ExtensionContext context, TargetCheckContext checkContext) {
        java.time.Instant from = context.getStore(NS).get(CONSOLE_FROM, java.time.Instant.class);
        return from != null && from.isBefore(checkContext.started()) ? from : checkContext.started();
    }

    /** The target's label, with the instance when it belongs to a pool of several ({@code sim (sim/2)}). */
    private String memberLabel(TargetSession member) {
        return pool.size() > 1 ? label + " (" + member.member() + ")" : label;
    }

    private static String facts(TargetCheckContext checkContext) {
        StringBuilder facts = new StringBuilder("baseUri=" + checkContext.uri());
        Map<String, String> map = checkContext.runningFacts();
        new java.util.TreeMap<>(map).forEach((k, v) -> facts.append('\n').append(k).append('=').append(v));
        return facts.toString();
    }

    private SecretMask mask() {
        SecretMask mask = secrets(SecretMask.none(), pool.selection().options());
        return pool.profile() == null ? mask : secrets(mask, pool.profile().params());
    }

    /** Secret-looking values; with the user beside them ({@code authPassword} and {@code authUser}) also as Basic credentials. */
    private static SecretMask secrets(SecretMask mask, Map<String, String> values) {
        SecretMask out = mask;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (SECRET_NAME.matcher(entry.getKey()).matches()) {
                String user = values.get(entry.getKey().replace("Password", "User").replace("password", "user"));
                out = user == null ? out.with(entry.getValue()) : out.withCredentials(user, entry.getValue());
            }
        }
        return out;
    }

    /** Evidence leaves the suite with control bytes visible (it reaches terminals, HTML and XML). */
    private static void publish(ExtensionContext context, String key, String value) {
        if (value != null && !value.isBlank()) {
            context.publishReportEntry(key, VisibleText.of(value));
        }
    }

    private static Optional<Check> check(ExtensionContext context) {
        return context.getTestMethod().map((Method m) -> m.getAnnotation(Check.class));
    }
}
