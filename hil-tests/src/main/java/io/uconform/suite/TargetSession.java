package io.uconform.suite;

import io.micronaut.http.client.HttpClient;
import io.uconform.client.HttpClients;
import io.uconform.profile.Profile;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One instance of a selected target (a member of its {@link TargetPool}): started on first use,
 * restarted or marked down after a check wedges it, closed when the run ends.
 */
final class TargetSession implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final TargetSelection selection;
    private final Profile profile;
    private final Target target;
    private final String member;
    /** Read without the lock by the pool (which must not wait while an instance starts). */
    private volatile RunningTarget running;
    private TargetException startFailure;
    private HttpClient httpClient;
    private volatile String downCause;
    private final List<String> restarts = new ArrayList<>();
    private boolean restartedForRecovery;
    private volatile String recoveryCause;
    /** A run stopped by a signal closes the target too (its processes and directories go with it). */
    private final io.uconform.cleanup.Registration atExit = io.uconform.cleanup.Cleanup.resource(this);

    /** @param member this instance's name in a pool ({@code sim/2}), or the target's name when alone */
    TargetSession(TargetSelection selection, Profile profile, Target target, String member) {
        this.selection = selection;
        this.profile = profile;
        this.target = target;
        this.member = member;
    }

    /** {@code sim}, {@code url:http://...}. */
    String name() {
        return target.name();
    }

    /** This instance in its pool: {@code sim/2}; the target's name when the pool has one member. */
    String member() {
        return member;
    }

    TargetSelection selection() {
        return selection;
    }

    Profile profile() {
        return profile;
    }

    /** The target itself (a replay is asked which checks it can serve). */
    Target target() {
        return target;
    }

    boolean ownsLifecycle() {
        return target.ownsLifecycle();
    }

    boolean started() {
        return running != null;
    }

    /** Starts the target on first use; a failed start is remembered so later checks fail fast. */
    synchronized RunningTarget running() {
        if (running != null) {
            return running;
        }
        if (startFailure != null) {
            throw startFailure;
        }
        try {
            running = target.start();
            httpClient = HttpClients.create(running.baseUri(), CONNECT_TIMEOUT, READ_TIMEOUT);
            return running;
        } catch (TargetException e) {
            startFailure = e;
            throw e;
        } catch (RuntimeException e) {
            startFailure = new TargetException("target '" + name() + "' failed to start: " + e, e);
            throw startFailure;
        }
    }

    synchronized HttpClient httpClient() {
        running();
        return httpClient;
    }

    /** Restarts a target the harness owns after {@code afterCheck} wedged it. */
    synchronized RunningTarget restart(String afterCheck) {
        closeHttpClient();
        running = null;
        try {
            running = target.restart();
            httpClient = HttpClients.create(running.baseUri(), CONNECT_TIMEOUT, READ_TIMEOUT);
            restarts.add(afterCheck);
            return running;
        } catch (RuntimeException e) {
            markDown(afterCheck + "; restart failed: " + e.getMessage());
            throw e;
        }
    }

    synchronized void markDown(String cause) {
        if (downCause == null) {
            downCause = cause;
        }
    }

    Optional<String> downCause() {
        return Optional.ofNullable(downCause);
    }

    /**
     * The recovery reason once the target is known to serve its recovery app ({@link RecoveryMode}):
     * a target the harness owns is restarted once first ({@code when} names the moment), and only
     * a target still in recovery after that counts. Empty while the app under test runs.
     */
    synchronized Optional<String> recovery(String when) {
        if (recoveryCause != null) {
            return Optional.of(recoveryCause);
        }
        if (running == null) {
            return Optional.empty();
        }
        Optional<String> reason = RecoveryMode.of(running.console());
        if (reason.isPresent() && !restartedForRecovery && ownsLifecycle()) {
            restartedForRecovery = true;
            try {
                restart(when + ": target in recovery (" + reason.get() + ")");
                reason = RecoveryMode.of(running.console());
            } catch (RuntimeException e) {
                // restart() marked the target down with the cause
            }
        }
        reason.ifPresent(r -> recoveryCause = r);
        return reason;
    }

    /** What the running target's console says now: its recovery reason, or empty. */
    synchronized Optional<String> runningRecovery() {
        return running == null ? Optional.empty() : RecoveryMode.of(running.console());
    }

    Optional<String> recoveryCause() {
        return Optional.ofNullable(recoveryCause);
    }

    synchronized List<String> restarts() {
        return List.copyOf(restarts);
    }

    @Override
    public synchronized void close() {
        closeHttpClient();
        target.close();
        atExit.close();
    }

    private void closeHttpClient() {
        if (httpClient != null) {
            httpClient.close();
            httpClient = null;
        }
    }
}
