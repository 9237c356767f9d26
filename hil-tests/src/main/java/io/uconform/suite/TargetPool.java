package io.uconform.suite;

import io.uconform.profile.Profile;
import io.uconform.profile.ProfileException;
import io.uconform.profile.Profiles;
import io.uconform.spi.Availability;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetKind;
import io.uconform.spi.TargetKinds;
import io.uconform.spi.TargetSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The instances of one selected target for the whole run: N identical members (N simulated boards,
 * N interpreters, N virtual ESP32s, several real boards), shared by every check class through
 * JUnit's root store, which closes them when the run ends. Every check borrows one member for
 * itself ({@link #lease()}) and gives it back when it finished, so no two checks ever share an
 * instance: resets, campaigns, slot limits and heap sampling see only their own traffic. Members
 * start on first use; a pool of one is the run without pools.
 */
final class TargetPool implements AutoCloseable {

    /** How long a check waits for a free member; members are bounded by the checks' hard timeout. */
    static final Duration LEASE_TIMEOUT = Duration.ofMinutes(5);
    /**
     * How long an instance rests before a {@link CountsConnections} check may have it: longer than
     * the heartbeat (1 s) at which a server notices a vanished event-stream subscriber.
     */
    static final Duration QUIET = Duration.ofMillis(2500);
    /**
     * How long a {@link RunsAlone} check lets other checks take instances before it holds back new
     * leases until the pool is idle. Until then it runs whenever the pool happens to be idle, so
     * in a parallel run the timing checks gather where little else is left to run, instead of
     * keeping the pool idle while the longest running checks finish. Scheduling only: a check that
     * runs alone still has the pool to itself.
     */
    static final Duration ALONE_PATIENCE = Duration.ofSeconds(30);

    private final TargetSelection selection;
    private final Profile profile;
    private final Availability availability;
    private final List<TargetSession> members;
    private final boolean[] busy;
    /** When each member was last given back (System.nanoTime). */
    private final long[] returnedAt;
    /** Members that served a last-stage check ({@link ClassStages}): never lent to an earlier stage's again. */
    private final boolean[] servedLast;
    private int leased;
    private boolean aloneRunning;
    /** Checks waiting to run alone that have waited longer than {@link #ALONE_PATIENCE}. */
    private int aloneInsisting;
    private boolean factsPublished;
    /** Whether the last stage began: its first class waited for every instance to rest ({@link #awaitRested()}). */
    private boolean restedForLastStage;

    TargetPool(TargetSelection selection) {
        this.selection = selection;
        Profile loaded = null;
        Availability available;
        List<TargetSession> created = new ArrayList<>();
        try {
            loaded = Profiles.load(selection.profile());
            TargetKind kind = TargetKinds.require(selection.kind());
            TargetSpec spec = new TargetSpec(selection.kind(), selection.options(), loaded);
            int size = SuiteParallelism.size(selection);
            List<TargetSpec> specs = kind.poolMembers(spec, size);
            available = Availability.available();
            for (TargetSpec member : specs) {
                Availability memberAvailable = kind.availability(member);
                if (!memberAvailable.isAvailable()) {
                    available = memberAvailable;
                    break;
                }
            }
            if (available.isAvailable()) {
                for (int i = 0; i < specs.size(); i++) {
                    io.uconform.spi.Target target = kind.create(specs.get(i));
                    // each member named after the target, numbered when there are several: sim/1, sim/2
                    String member = specs.size() == 1 ? target.name() : target.name() + "/" + (i + 1);
                    created.add(new TargetSession(selection, loaded, target, member));
                }
            }
        } catch (ProfileException | TargetException e) {
            created.forEach(TargetSession::close);
            created.clear();
            available = Availability.unavailable(e.getMessage());
        }
        this.profile = loaded;
        this.availability = available;
        this.members = List.copyOf(created);
        this.busy = new boolean[members.size()];
        this.returnedAt = new long[members.size()];
        this.servedLast = new boolean[members.size()];
    }

    /** {@code sim}, {@code url:http://...}; the kind when no target could be created. */
    String name() {
        return members.isEmpty() ? selection.kind() : members.get(0).name();
    }

    int size() {
        return members.size();
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

    /** Present when no member is left to run checks on (each went down); the first member's cause. */
    synchronized Optional<String> downCause() {
        if (members.isEmpty() || members.stream().anyMatch(m -> m.downCause().isEmpty())) {
            return Optional.empty();
        }
        return members.get(0).downCause();
    }

    /** Present when every member serves its recovery app (mpy's RecoveryMode); the first member's reason. */
    synchronized Optional<String> recoveryCause() {
        if (members.isEmpty() || members.stream().anyMatch(m -> m.recoveryCause().isEmpty())) {
            return Optional.empty();
        }
        return members.get(0).recoveryCause();
    }

    /** A member checks may still get: neither down nor known to be in recovery. */
    private static boolean usable(TargetSession member) {
        return member.downCause().isEmpty() && member.recoveryCause().isEmpty();
    }

    /**
     * Borrows a free member that is not down, the one that rested longest ({@link #restedMost(long)}),
     * waiting while all are busy. With {@code alone}
     * ({@link RunsAlone}), it also waits until no other member is leased and keeps the others idle
     * until it is given back; a check that has waited {@link #ALONE_PATIENCE} to run alone holds back
     * new leases, so it is not starved.
     * A {@link ClassStages.Stage#LAST} check marks its member; an {@link ClassStages.Stage#EARLIER}
     * check never gets a marked one.
     *
     * @throws TargetException when every member is down, when every usable member served a last-stage
     *     check and an earlier stage's check asks, or when none became free within {@link #LEASE_TIMEOUT}
     */
    synchronized Lease lease(boolean alone, boolean quiet, ClassStages.Stage stage) throws InterruptedException {
        long asked = System.nanoTime();
        long deadline = asked + LEASE_TIMEOUT.toNanos();
        boolean insisting = false;
        try {
            while (true) {
                if (members.stream().noneMatch(TargetPool::usable)) {
                    Optional<String> recovery = recoveryCause();
                    throw new TargetException(recovery.isPresent()
                            ? ReportKeys.NOT_RUN + "target in recovery (" + recovery.get() + ")"
                            : ReportKeys.NOT_RUN + "target down (after "
                            + downCause().orElse("every instance went down or into recovery") + ")");
                }
                if (stage == ClassStages.Stage.EARLIER && allUsableServedLast()) {
                    throw new TargetException(ReportKeys.NOT_RUN + "every instance of " + name()
                            + " already served malformed or hostile input (a last-stage check class), which a check"
                            + " of an earlier class must not meet");
                }
                if (alone && !insisting && System.nanoTime() - asked >= ALONE_PATIENCE.toNanos()) {
                    insisting = true;
                    aloneInsisting++;
                }
                boolean mayStart = alone ? leased == 0 && !aloneRunning : !aloneRunning && aloneInsisting == 0;
                long quietSince = quiet ? System.nanoTime() - QUIET.toNanos() : Long.MAX_VALUE;
                int free = mayStart ? restedMost(quietSince, stage == ClassStages.Stage.EARLIER) : -1;
                if (free >= 0) {
                    busy[free] = true;
                    servedLast[free] |= stage == ClassStages.Stage.LAST;
                    leased++;
                    aloneRunning |= alone;
                    return new Lease(free, alone);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TargetException("no instance of " + name() + "'s pool of " + members.size()
                            + " became free within " + LEASE_TIMEOUT.toMinutes() + " min");
                }
                // a quiet check also wakes when the longest-resting instance has rested enough, an
                // alone one when its patience ends
                long nap = quiet ? QUIET.toNanos() / 10 : alone && !insisting ? ALONE_PATIENCE.toNanos() / 10 : left;
                long millis = Math.max(1, Math.min(left, nap) / 1_000_000);
                if ((alone || quiet) && ForkJoinTask.inForkJoinPool()) {
                    // waiting for the pool to idle or an instance to rest, not for a free instance: JUnit's
                    // fork-join pool may start another worker meanwhile, so that the checks that could run
                    // on the free instances are not left without a thread
                    ForkJoinPool.managedBlock(new Nap(millis));
                } else {
                    wait(millis);
                }
            }
        } finally {
            if (insisting) {
                aloneInsisting--;
                notifyAll();
            }
        }
    }

    /**
     * The free member that has rested longest since its last check (a server gets time to notice
     * clients a check left behind, such as vanished subscribers, before the next check arrives);
     * a member not yet started only when every started one is busy, so a run without parallel
     * checks uses one instance; only members given back before {@code restedSince} (nanoTime) or
     * never used qualify; with {@code unmarked}, only members that served no last-stage check.
     * -1 when none is free.
     */
    private int restedMost(long restedSince, boolean unmarked) {
        int best = -1;
        for (int i = 0; i < members.size(); i++) {
            if (busy[i] || !usable(members.get(i)) || (unmarked && servedLast[i])) {
                continue;
            }
            if (!members.get(i).started()) {
                if (best < 0) {
                    best = i;
                }
                continue;
            }
            if (returnedAt[i] > restedSince) {
                continue;
            }
            if (best < 0 || !members.get(best).started() || returnedAt[i] < returnedAt[best]) {
                best = i;
            }
        }
        return best;
    }

    private boolean allUsableServedLast() {
        for (int i = 0; i < members.size(); i++) {
            if (usable(members.get(i)) && !servedLast[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Before the first last-stage class ({@link ClassStages}): waits until every instance has rested
     * {@link #QUIET} since its last check, so that clients the earlier classes left behind (an event
     * stream's vanished subscribers, which a server notices at its next heartbeat) hold no slot when
     * rewritten secrets and malformed input arrive; without pools the order alone did that, since
     * those classes ran before the event streams. Once per run; bounded by {@link #QUIET}.
     */
    synchronized void awaitRested() throws InterruptedException {
        if (restedForLastStage) {
            return;
        }
        restedForLastStage = true;
        while (true) {
            long lastReturn = Long.MIN_VALUE;
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).started() && !busy[i]) {
                    lastReturn = Math.max(lastReturn, returnedAt[i]);
                }
            }
            long left = lastReturn == Long.MIN_VALUE ? 0 : lastReturn + QUIET.toNanos() - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** True once: the caller publishes the pool's facts with the first check. */
    synchronized boolean firstFactsPublication() {
        boolean first = !factsPublished;
        factsPublished = true;
        return first;
    }

    @Override
    public void close() {
        members.forEach(TargetSession::close);
    }

    /** One timed wait on the pool's monitor, which the caller holds, as a fork-join managed block. */
    private final class Nap implements ForkJoinPool.ManagedBlocker {
        private final long millis;
        private boolean done;

        private Nap(long millis) {
            this.millis = millis;
        }

        @Override
        public boolean block() throws InterruptedException {
            TargetPool.this.wait(millis);
            done = true;
            return true;
        }

        @Override
        public boolean isReleasable() {
            return done;
        }
    }

    /** One member borrowed by one check; {@link #close()} gives it back. */
    final class Lease implements AutoCloseable {
        private final int index;
        private final boolean alone;
        private boolean returned;

        private Lease(int index, boolean alone) {
            this.index = index;
            this.alone = alone;
        }

        TargetSession member() {
            return members.get(index);
        }

        @Override
        public void close() {
            synchronized (TargetPool.this) {
                if (!returned) {
                    returned = true;
                    busy[index] = false;
                    returnedAt[index] = System.nanoTime();
                    leased--;
                    aloneRunning &= !alone;
                    TargetPool.this.notifyAll();
                }
            }
        }
    }
}
