package io.uconform.simulator.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VirtualBoardPinsTest {

    private final TestBoards boards = new TestBoards();
    private final VirtualBoard board = boards.devkitc();

    @Test
    void bootsWithLedOutputLowAndButtonPulledUp() {
        assertThat(board.pin(2)).extracting(PinState::mode, PinState::value).containsExactly(PinMode.OUT, 0);
        assertThat(board.pin(0)).extracting(PinState::mode, PinState::pull, PinState::value)
                .containsExactly(PinMode.IN, Pull.UP, 1);
        assertThat(board.pin(4)).extracting(PinState::mode, PinState::pull, PinState::value)
                .containsExactly(PinMode.IN, Pull.NONE, 0);
        assertThat(board.pins()).hasSize(34);
        assertThat(board.resetCause()).isEqualTo(ResetCause.POWER_ON);
    }

    @Test
    void writeAndToggleDriveAnOutput() {
        board.configure(4, PinMode.OUT, null);
        assertThat(board.write(4, 1).level()).isEqualTo(1);
        assertThat(board.toggle(4).value()).isZero();
        assertThat(board.toggle(4).value()).isEqualTo(1);
    }

    @Test
    void theLatchShowsOnlyInOutputMode() {
        board.write(4, 1);
        assertThat(board.pin(4).value()).as("input floating, latch hidden").isZero();
        assertThat(board.configure(4, PinMode.OUT, null).value()).isEqualTo(1);
    }

    @Test
    void pullsDecideAnUndrivenInput() {
        assertThat(board.configure(4, PinMode.IN, Pull.UP).value()).isEqualTo(1);
        assertThat(board.configure(4, null, Pull.DOWN).value()).isZero();
    }

    @Test
    void inputOnlyPinsRefuseOutputButAcceptOutsideDrive() {
        assertThatThrownBy(() -> board.write(35, 1)).isInstanceOf(PinCapabilityException.class)
                .hasMessage("GPIO 35 of esp32-devkitc is input-only");
        assertThatThrownBy(() -> board.configure(36, PinMode.OUT, null)).isInstanceOf(PinCapabilityException.class);
        assertThatThrownBy(() -> board.pwm(39, 1000, 10)).isInstanceOf(PinCapabilityException.class);
        assertThat(board.drive(35, 1).value()).isEqualTo(1);
    }

    @Test
    void unknownPinsAreRejected() {
        assertThatThrownBy(() -> board.pin(20)).isInstanceOf(NoSuchPinException.class)
                .hasMessage("board esp32-devkitc has no GPIO 20");
        assertThatThrownBy(() -> board.write(40, 1)).isInstanceOf(NoSuchPinException.class);
    }

    @Test
    void buttonIsActiveLow() {
        assertThat(board.press(0).value()).isZero();
        assertThat(board.releaseButton(0).value()).isEqualTo(1);
    }

    @Test
    void adcConvertsTheDrivenVoltage() {
        board.driveMillivolts(34, 1650);
        AdcReading r = board.readAdc(34);
        assertThat(r.raw()).isBetween(2040, 2055);
        assertThat(r.millivolts()).isBetween(1649, 1651);
        assertThat(board.pin(34).mode()).isEqualTo(PinMode.ADC);
        board.driveMillivolts(34, 9999);
        assertThat(board.readAdc(34).raw()).isEqualTo(4095);
        assertThatThrownBy(() -> board.readAdc(4)).isInstanceOf(PinCapabilityException.class)
                .hasMessageContaining("no ADC channel");
    }

    @Test
    void pwmKeepsFrequencyAndDuty() {
        PinState s = board.pwm(4, 5000, 512);
        assertThat(s).extracting(PinState::mode, PinState::pwmFreq, PinState::pwmDuty, PinState::value)
                .containsExactly(PinMode.PWM, 5000, 512, 512);
        assertThatThrownBy(() -> board.pwm(4, 5000, 1024)).hasMessageContaining("duty 0..1023");
        assertThatThrownBy(() -> board.write(4, 2)).hasMessageContaining("0 or 1");
    }

    @Test
    void c3BoardHasItsOwnPins() {
        VirtualBoard c3 = boards.c3();
        assertThat(c3.pin(8).mode()).isEqualTo(PinMode.OUT);
        assertThat(c3.pin(9).value()).isEqualTo(1);
        assertThat(c3.write(21, 1).pin()).isEqualTo(21);
        assertThatThrownBy(() -> c3.pin(22)).isInstanceOf(NoSuchPinException.class);
    }
}
