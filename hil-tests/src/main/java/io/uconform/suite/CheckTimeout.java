package io.uconform.suite;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;

/**
 * The hard timeout of every check: the check body runs on its own thread; when it outlives the
 * limit its connections are closed (which unblocks any read), the thread is interrupted, and the
 * check fails naming the target, the limit and its last step.
 */
final class CheckTimeout implements InvocationInterceptor {

    private final Duration limit;
    private final String targetName;

    CheckTimeout(Duration limit, String targetName) {
        this.limit = limit;
        this.targetName = targetName;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        Optional<TargetCheckContext> check = CheckSupport.current(context);
        if (check.isEmpty()) {
            invocation.proceed();
            return;
        }
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread body = new Thread(() -> {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "uconform-check-" + context.getRequiredTestMethod().getName());
        body.setDaemon(true);
        body.start();
        body.join(limit.toMillis());
        if (body.isAlive()) {
            check.get().closeConnections();
            body.interrupt();
            check.get().note("hard timeout: the check did not finish within " + limit.toMillis() + " ms");
            throw new AssertionFailedError(targetName + ": check did not finish within " + limit.toSeconds()
                    + " s (hard timeout); last step: " + check.get().transcript().last().replace('\n', ' '));
        }
        if (outcome.get() != null) {
            throw masked(outcome.get(), check.get());
        }
    }

    /**
     * A failure whose message quotes a secret (a body with a password) is rethrown with the secret
     * masked, so that no output (console, JUnit XML, report) shows it; the stack trace is kept.
     */
    private static Throwable masked(Throwable failure, TargetCheckContext check) {
        String message = failure.getMessage();
        if (message == null || failure instanceof org.opentest4j.TestAbortedException) {
            return failure;
        }
        String masked = check.transcript().mask(message);
        if (masked.equals(message)) {
            return failure;
        }
        AssertionError replacement = new AssertionError(masked);
        replacement.setStackTrace(failure.getStackTrace());
        return replacement;
    }
}
