package io.uconform.flash;

import io.uconform.link.Link;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * How the host puts the board into the ROM bootloader and back into its app, through DTR (GPIO0)
 * and RTS (EN) on the auto-reset circuit. {@link #NONE} is for links without modem lines (TCP,
 * PTY): the board must already be in the wanted state, as esptool's {@code --before no-reset}.
 */
public enum ResetStrategy {
    /** USB-UART bridges (CP210x, CH340, FTDI): the portable esptool sequence. */
    CLASSIC,
    /** Native USB-Serial/JTAG (VID 0x303A, PID 0x1001) of the S3/C3/C6. */
    USB_JTAG,
    /** No control lines. */
    NONE;

    /** Resets into download mode; {@code hold} is how long EN stays low (esptool: 50 ms then 550 ms). */
    void intoBootloader(Link link, long holdMillis) throws IOException {
        switch (this) {
            case CLASSIC -> {
                link.setControlLines(false, true); // EN low, IO0 high: chip held in reset
                pause(100);
                link.setControlLines(true, false); // EN released while IO0 is low: download boot
                pause(holdMillis);
                link.setControlLines(false, false);
            }
            case USB_JTAG -> {
                link.setControlLines(false, false);
                pause(100);
                link.setControlLines(true, false);
                pause(100);
                link.setControlLines(true, true);
                link.setControlLines(false, true);
                pause(100);
                link.setControlLines(false, false);
            }
            default -> { }
        }
    }

    /** Resets into the app (RTS pulse with DTR released). */
    void hardReset(Link link) throws IOException {
        if (this == NONE) {
            return;
        }
        if (this == USB_JTAG) {
            pause(200);
        }
        link.setControlLines(false, true);
        pause(100);
        link.setControlLines(false, false);
        if (this == USB_JTAG) {
            pause(200);
        }
    }

    boolean hasControlLines() {
        return this != NONE;
    }

    /** True when the hard reset is an RTS pulse (no bytes to the loader), so the port may change rate first. */
    public boolean hasControlLinesForReset() {
        return hasControlLines();
    }

    private static void pause(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis); // hardware timing: the reset circuit needs real time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during the reset sequence");
        }
    }
}
