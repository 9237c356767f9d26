package io.uconform.simulator.admin;

import io.uconform.server.HttpError;
import io.uconform.simulator.board.PinMode;
import io.uconform.simulator.board.PinState;
import io.uconform.simulator.board.VirtualBoard;

/**
 * What a person may do to a pin from outside, and why not: the admin face refuses (409, with the
 * reason) an outside drive the real board would not survive or would not show, instead of doing
 * nothing silently. Letting go of a drive is always allowed.
 */
final class DrivePolicy {

    private DrivePolicy() {
    }

    /** @throws HttpError 409 naming the pin and the reason when {@code what} may not be done to it */
    static void requireDrivable(VirtualBoard board, int pin, String what) {
        PinState s = board.pin(pin);
        String id = board.profile().id();
        if (board.profile().isFlashPin(pin)) {
            throw new HttpError(409, "cannot " + what + " GPIO" + pin + ": on the " + id
                    + " it is wired to the module's SPI flash, and driving it would crash the chip");
        }
        if (s.mode() == PinMode.OUT) {
            throw new HttpError(409, "cannot " + what + " GPIO" + pin + ": the firmware drives it as an output (now "
                    + s.value() + "); an outside drive would fight it. It can be driven once the firmware makes it an input");
        }
        if (s.mode() == PinMode.PWM) {
            throw new HttpError(409, "cannot " + what + " GPIO" + pin + ": the firmware drives it with PWM (duty "
                    + s.pwmDuty() + "/1023); an outside drive would fight it");
        }
    }
}
