package io.uconform.cli;

import io.uconform.console.VisibleText;
import io.uconform.suite.Check;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Prints a line per finished check: counter, outcome, requirement, check, and the first line of a failure. */
final class ProgressListener implements TestExecutionListener {

    private final PrintWriter out;
    private final AtomicInteger done = new AtomicInteger();
    private volatile TestPlan plan;
    private final java.util.Set<String> notRunShown = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ProgressListener(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (isCheck(id)) {
            line(id, "skip", reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!isCheck(id)) {
            return;
        }
        // assertion messages span lines ("[what] expected: x but was: y"): shown on one
        String detail = result.getThrowable().map(t -> String.valueOf(t.getMessage()).replaceAll("[\\n\\t ]+", " ").trim()).orElse("");
        switch (result.getStatus()) {
            case SUCCESSFUL:
                line(id, "pass", "");
                break;
            case ABORTED:
                line(id, "skip", detail);
                break;
            default:
                line(id, "FAIL", detail);
        }
    }

    private void line(TestIdentifier id, String outcome, String detail) {
        if (detail.startsWith("not run: ") && !notRunShown.add(detail)) {
            // a target that did not start or went down: its reason is shown once, not for every check
            done.incrementAndGet();
            return;
        }
        MethodSource source = (MethodSource) id.getSource().orElseThrow();
        String cls = source.getClassName().substring(source.getClassName().lastIndexOf('.') + 1);
        String requirement = source.getJavaMethod().getAnnotation(Check.class).value();
        String target = plan == null ? "" : plan.getParent(id).map(p -> " " + p.getDisplayName()).orElse("");
        // a target's bytes never reach the terminal raw (ESC and BEL could retitle or clear it)
        out.printf("%4d %s %-10s %s.%s%s%s%n", done.incrementAndGet(), outcome, requirement, cls, source.getMethodName(),
                VisibleText.oneLine(target), detail.isEmpty() ? "" : "  -- " + abbreviate(VisibleText.oneLine(detail)));
        out.flush();
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    private static boolean isCheck(TestIdentifier id) {
        if (!id.isTest() || id.getSource().isEmpty() || !(id.getSource().get() instanceof MethodSource)) {
            return false;
        }
        try {
            return ((MethodSource) id.getSource().get()).getJavaMethod().isAnnotationPresent(Check.class);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
