package io.uconform.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.spi.TargetException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pool's stage rule ({@link ClassStages}): what served malformed or hostile input stays with the last stage. */
class TargetPoolTest {

    private static TargetPool pool(int size) {
        return new TargetPool(new TargetSelection("fake", Map.of(), "harness-test", size));
    }

    @Test
    @Timeout(10)
    void anEarlierCheckGetsAnInstanceNoLastStageCheckServed() throws InterruptedException {
        try (TargetPool pool = pool(2)) {
            TargetSession marked;
            try (TargetPool.Lease last = pool.lease(false, false, ClassStages.Stage.LAST)) {
                marked = last.member();
            }
            for (int i = 0; i < 3; i++) {
                try (TargetPool.Lease earlier = pool.lease(false, false, ClassStages.Stage.EARLIER)) {
                    assertThat(earlier.member()).as("instance lent to an earlier stage's check").isNotSameAs(marked);
                }
            }
        }
    }

    @Test
    @Timeout(10)
    void anEarlierCheckIsRefusedWhenEveryInstanceServedTheLastStage() throws InterruptedException {
        try (TargetPool pool = pool(2)) {
            try (TargetPool.Lease one = pool.lease(false, false, ClassStages.Stage.LAST);
                 TargetPool.Lease two = pool.lease(false, false, ClassStages.Stage.LAST)) {
                assertThat(one.member()).isNotSameAs(two.member());
            }
            assertThatThrownBy(() -> pool.lease(false, false, ClassStages.Stage.EARLIER))
                    .isInstanceOf(TargetException.class).hasMessageStartingWith(ReportKeys.NOT_RUN)
                    .hasMessageContaining("already served malformed or hostile input");
            try (TargetPool.Lease again = pool.lease(false, false, ClassStages.Stage.LAST)) {
                assertThat(again.member()).as("a last-stage check still gets one").isNotNull();
            }
        }
    }

    @Test
    @Timeout(10)
    void withoutStagesTheOrderIsTheOnlyRule() throws InterruptedException {
        try (TargetPool pool = pool(1)) {
            pool.lease(false, false, ClassStages.Stage.NONE).close();
            try (TargetPool.Lease after = pool.lease(false, false, ClassStages.Stage.NONE)) {
                assertThat(after.member()).isNotNull();
            }
        }
    }
}
