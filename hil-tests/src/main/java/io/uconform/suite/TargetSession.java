package io.uconform.suite;

import io.micronaut.http.client.HttpClient;
import io.uconform.client.HttpClients;
import io.uconform.profile.Profile;
import io.uconform.profile.ProfileException;
import io.uconform.profile.Profiles;
import io.uconform.target.Availability;
import io.uconform.target.RunningTarget;
import io.uconform.target.Target;
import io.uconform.target.TargetException;
import io.uconform.target.TargetKind;
import io.uconform.target.TargetKinds;
import io.uconform.target.TargetSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One selected target for the whole run, shared by every check class: created once, started on
 * first use, restarted or marked down after a check wedges it, closed when the run ends (it lives
 * in JUnit's root store, which closes {@link AutoCloseable} values).
 */
final class TargetSession implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final TargetSelection selection;
    private final Profile profile;
    private final Availability availability;
    private final Target target;
    private RunningTarget running;
    private TargetException startFailure;
    private HttpClient httpClient;
    private String downCause;
    private final List<String> restarts = new ArrayList<>();
    private boolean factsPublished;
    private boolean restartedForRecovery;
    private String recoveryCause;
    /** A run stopped by a signal closes the target too (its processes and directories go with it). */
    private final io.uconform.cleanup.Registration atExit = io.uconform.cleanup.Cleanup.resource(this);

    TargetSession(TargetSelection selection) {
        this.selection = selection;
        Profile loaded = null;
        Availability available;
        Target created = null;
        try {
            loaded = Profiles.load(selection.profile());
            TargetKind kind = TargetKinds.require(selection.kind());
            TargetSpec spec = new TargetSpec(selection.kind(), selection.options(), loaded);
            available = kind.availability(spec);
            if (available.isAvailable()) {
                created = kind.create(spec);
            }
        } catch (ProfileException | TargetException e) {
            available = Availability.unavailable(e.getMessage());
        }
        this.profile = loaded;
        this.availability = available;
        this.target = created;
    }

    /** {@code sim}, {@code url:http://...}; the kind when no target could be created. */
    String name() {
        return target != null ? target.name() : selection.kind();
    }

    TargetSelection selection() {
        return selection;
    }

    /** Null only when the profile could not be loaded (then {@link #availability()} says why). */
    Profile profile() {
        return profile;
    }

    Availability availability() {
        return availability;
    }

    boolean ownsLifecycle() {
        return target != null && target.ownsLifecycle();
    }

    /** Starts the target on first use; a failed start is remembered so later checks fail fast. */
    synchronized RunningTarget running() {
        if (running != null) {
            return running;
        }
        if (startFailure != null) {
            throw startFailure;
        }
        if (target == null) {
            throw new TargetException(availability.reason());
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

    synchronized Optional<String> downCause() {
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

    synchronized Optional<String> recoveryCause() {
        return Optional.ofNullable(recoveryCause);
    }

    synchronized List<String> restarts() {
        return List.copyOf(restarts);
    }

    /** True once: the caller publishes the target's facts with the first check. */
    synchronized boolean firstFactsPublication() {
        boolean first = !factsPublished;
        factsPublished = true;
        return first;
    }

    @Override
    public synchronized void close() {
        closeHttpClient();
        if (target != null) {
            target.close();
        }
        atExit.close();
    }

    private void closeHttpClient() {
        if (httpClient != null) {
            httpClient.close();
            httpClient = null;
        }
    }
}
