package io.uconform.kind.renode.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RealTimeFactorTest {

    @Test
    void readsTheElapsedVirtualTimeInEachFormTheMonitorPrints() {
        assertThat(RealTimeFactor.elapsedVirtual("Elapsed Virtual Time: 00:00:02")).isEqualTo(Duration.ofSeconds(2));
        assertThat(RealTimeFactor.elapsedVirtual("x\nElapsed Virtual Time: 00:00:01.500000000\nElapsed Host Time: 00:00:09"))
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(RealTimeFactor.elapsedVirtual("Elapsed Virtual Time: 1.02:03:04.25"))
                .isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(250));
        assertThatThrownBy(() -> RealTimeFactor.elapsedVirtual("State: Paused"))
                .isInstanceOf(MonitorException.class).hasMessageContaining("no 'Elapsed Virtual Time'");
    }

    @Test
    void slowEmulationStretchesTimeoutsAndFastEmulationNeverShortensThem() {
        RealTimeFactor slow = RealTimeFactor.measured(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(2).toNanos());
        assertThat(slow.factor()).isEqualTo(0.25);
        assertThat(slow.scale(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(240));
        assertThat(slow.describe()).isEqualTo("0.25 (0.50 s virtual in 2.00 s)");
        RealTimeFactor fast = RealTimeFactor.measured(Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(2).toNanos());
        assertThat(fast.scale(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        RealTimeFactor stalled = RealTimeFactor.measured(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2).toNanos());
        assertThat(stalled.factor()).isEqualTo(RealTimeFactor.FLOOR);
        assertThat(stalled.scale(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(50));
    }
}
