package io.uconform.simulator.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoardProfilesTest {

    @Test
    void devkitcHasTheRealChipsGpios() {
        BoardProfile p = BoardProfiles.byId("esp32-devkitc");
        assertThat(p.gpios()).hasSize(34).startsWith(0, 1, 2).endsWith(38, 39)
                .doesNotContain(20, 24, 28, 29, 30, 31, 40);
        assertThat(p.inputOnly()).containsExactlyInAnyOrder(34, 35, 36, 37, 38, 39);
        assertThat(p.adcPins()).containsExactlyInAnyOrder(32, 33, 34, 35, 36, 37, 38, 39);
        assertThat(p.ledPin()).isEqualTo(2);
        assertThat(p.buttonPin()).isZero();
    }

    @Test
    void c3HasTwentyTwoGpiosAndNoInputOnlyPins() {
        BoardProfile p = BoardProfiles.byId("esp32c3-devkitm");
        assertThat(p.gpios()).hasSize(22).startsWith(0).endsWith(21);
        assertThat(p.inputOnly()).isEmpty();
        assertThat(p.adcPins()).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(p.ledPin()).isEqualTo(8);
        assertThat(p.buttonPin()).isEqualTo(9);
    }

    @Test
    void unknownBoardNamesTheKnownOnes() {
        assertThatThrownBy(() -> BoardProfiles.byId("arduino-uno"))
                .hasMessage("unknown board 'arduino-uno' (known: esp32-devkitc, esp32c3-devkitm)");
    }

    @Test
    void aProfileRejectsAnInputOnlyLed() {
        assertThatThrownBy(() -> new BoardProfile("x", "x", 1, 0, java.util.List.of(0, 1),
                java.util.Set.of(1), java.util.Set.of())).hasMessageContaining("LED pin 1");
    }

    @Test
    void adcCurveIsLinearToFullScale() {
        assertThat(AdcCurve.rawFor(0)).isZero();
        assertThat(AdcCurve.rawFor(1650)).isBetween(2040, 2055);
        assertThat(AdcCurve.rawFor(3300)).isEqualTo(4095);
        assertThat(AdcCurve.rawFor(5000)).isEqualTo(4095);
        assertThat(AdcCurve.rawFor(-5)).isZero();
        assertThat(AdcCurve.millivoltsFor(AdcCurve.rawFor(1234))).isBetween(1233, 1235);
    }
}
