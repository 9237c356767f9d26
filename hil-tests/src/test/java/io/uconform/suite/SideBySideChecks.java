package io.uconform.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;

/**
 * Fixture for {@link TargetExtensionTest}: with two targets, each target's check waits until the
 * other target's has started too (so it fails when the targets take the class one after another),
 * and {@link Later}, a last-stage class, records when its checks start, for the stages' order;
 * {@link LastWaiting} is a last-stage class whose check waits like this one's.
 */
@ConformanceChecks
@Order(1)
class SideBySideChecks {

    static volatile CountDownLatch bothStarted = new CountDownLatch(2);
    static final Map<String, Long> ENDED = new ConcurrentHashMap<>();

    @Check("PROTO-01")
    void waitsForTheOtherTarget(CheckContext ctx) throws InterruptedException {
        try {
            bothStarted.countDown();
            assertThat(bothStarted.await(10, TimeUnit.SECONDS))
                    .as("the other target's check started within 10 s while this one waited").isTrue();
        } finally {
            ENDED.put(ctx.toString() + System.identityHashCode(ctx), System.nanoTime());
        }
    }

    /** A last-stage class: its checks start only once every check of {@link SideBySideChecks} ended. */
    @LastConformanceChecks
    @Order(2)
    static class Later {

        static final Map<String, Long> STARTED = new ConcurrentHashMap<>();

        @Check("PROTO-01")
        void recordsItsStart(CheckContext ctx) {
            STARTED.put(ctx.toString() + System.identityHashCode(ctx), System.nanoTime());
        }
    }

    /** A last-stage class whose check waits for the other target's, like {@link SideBySideChecks}'s. */
    @LastConformanceChecks
    @Order(3)
    static class LastWaiting {

        @Check("PROTO-01")
        void waitsForTheOtherTarget(CheckContext ctx) throws InterruptedException {
            bothStarted.countDown();
            assertThat(bothStarted.await(10, TimeUnit.SECONDS))
                    .as("the other target's check started within 10 s while this one waited").isTrue();
        }
    }
}
