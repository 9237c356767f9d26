package io.uconform.simulator.esp32;

/**
 * How the serial port's DTR and RTS lines reach the chip's EN (reset) and boot strap, i.e. which
 * reset sequence puts the board into its ROM download mode. Both hold the chip in reset while RTS
 * is asserted and DTR is not; they differ in how the boot mode is chosen.
 */
public enum ResetCircuit {

    /**
     * A USB-UART bridge (CP210x, CH340, FTDI) with the usual two-transistor auto-reset circuit:
     * GPIO0 is low while DTR is asserted and RTS is not, so releasing EN into that state boots the
     * download mode.
     */
    AUTO_RESET_TRANSISTORS,

    /**
     * The native USB-Serial/JTAG port of the S3/C3/C6, modelled after esptool's sequence for it: the
     * chip boots into download mode when its reset was entered straight from both lines asserted
     * (which is why that sequence passes through DTR=RTS=asserted rather than both released). The
     * classic transistor sequence only restarts the app on such a port.
     */
    USB_SERIAL_JTAG;

    /** True when these line levels hold the chip in reset (RTS asserted, DTR not), whatever the circuit. */
    static boolean holdsReset(boolean dtr, boolean rts) {
        return rts && !dtr;
    }

    /** The chip's side of the lines: held in reset, and the boot mode it will take when released. */
    static final class Inputs {

        private final ResetCircuit circuit;
        private boolean dtr;
        private boolean rts;
        private boolean inReset;
        private boolean downloadLatched;

        Inputs(ResetCircuit circuit) {
            this.circuit = circuit;
        }

        boolean inReset() {
            return inReset;
        }

        /**
         * Applies new line levels. Returns {@link Change#ENTERED_RESET}, {@link Change#BOOT_APP},
         * {@link Change#BOOT_DOWNLOAD} or {@link Change#NONE}.
         */
        Change apply(boolean newDtr, boolean newRts) {
            boolean wasInReset = inReset;
            boolean cameFromBothAsserted = dtr && rts;
            dtr = newDtr;
            rts = newRts;
            inReset = newRts && !newDtr;
            if (inReset && !wasInReset) {
                downloadLatched = circuit == USB_SERIAL_JTAG && cameFromBothAsserted;
                return Change.ENTERED_RESET;
            }
            if (!inReset && wasInReset) {
                boolean download = circuit == USB_SERIAL_JTAG ? downloadLatched : newDtr && !newRts;
                return download ? Change.BOOT_DOWNLOAD : Change.BOOT_APP;
            }
            return Change.NONE;
        }
    }

    /** What new line levels did to the chip. */
    enum Change { NONE, ENTERED_RESET, BOOT_APP, BOOT_DOWNLOAD }
}
