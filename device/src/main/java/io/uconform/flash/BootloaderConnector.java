package io.uconform.flash;

import io.uconform.link.Link;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Gets the ROM's attention as esptool does: reset into download mode (alternating short and long
 * EN pulses), drop the boot log, then SYNC up to 5 times 50 ms apart; 7 attempts in all. The
 * SYNC reply's value tells who answered: non-zero the ROM, 0 a flasher stub already running.
 */
final class BootloaderConnector {

    static final int ATTEMPTS = 7;
    static final int SYNCS_PER_ATTEMPT = 5;
    private static final Duration SYNC_TIMEOUT = Duration.ofMillis(100);

    private final Link link;
    private final RomClient rom;
    private final ResetStrategy reset;

    BootloaderConnector(Link link, RomClient rom, ResetStrategy reset) {
        this.link = link;
        this.rom = rom;
        this.reset = reset;
    }

    /** @return the SYNC reply's value (0: a stub is already running) */
    int connect() {
        String lastBootText = "";
        int attempts = ATTEMPTS; // as esptool, also without control lines (the board may still be booting)
        try {
            for (int attempt = 0; attempt < attempts; attempt++) {
                reset.intoBootloader(link, attempt % 2 == 0 ? 50 : 550);
                String boot = reset.hasControlLines() ? rom.readText(Duration.ofMillis(300)) : "";
                if (!boot.isBlank()) {
                    lastBootText = boot;
                }
                rom.drainInput(Duration.ofMillis(20));
                RomResponse synced = trySync();
                if (synced != null) {
                    rom.drainInput(Duration.ofMillis(30)); // the other 7 SYNC replies
                    return synced.value();
                }
            }
        } catch (IOException e) {
            throw new FlashException("lost the link " + link.name() + " while connecting to the bootloader: "
                    + e.getMessage(), e);
        }
        throw new FlashException("no sync with the ESP bootloader on " + link.name() + " after " + attempts
                + " attempts" + diagnose(lastBootText)
                + "; hold BOOT and press EN (reset) to enter download mode, then retry");
    }

    private RomResponse trySync() throws IOException {
        byte[] payload = new byte[36];
        payload[0] = 0x07;
        payload[1] = 0x07;
        payload[2] = 0x12;
        payload[3] = 0x20;
        Arrays.fill(payload, 4, 36, (byte) 0x55);
        for (int i = 0; i < SYNCS_PER_ATTEMPT; i++) {
            try {
                RomResponse r = rom.command(RomOp.SYNC, payload, 0, SYNC_TIMEOUT);
                if (r.ok()) {
                    return r;
                }
            } catch (SocketTimeoutException e) {
                // no answer yet: esptool retries
            } catch (java.io.EOFException e) {
                throw e;
            } catch (IOException e) {
                // noise instead of a frame: try again
            }
        }
        return null;
    }

    private static String diagnose(String bootText) {
        if (bootText.contains("SPI_FAST_FLASH_BOOT")) {
            return " (the board booted its app instead of the ROM loader: GPIO0 was not low at reset)";
        }
        if (bootText.isBlank()) {
            return " (the board printed nothing)";
        }
        return "";
    }
}
