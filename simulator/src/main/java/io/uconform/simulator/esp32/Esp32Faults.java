package io.uconform.simulator.esp32;

import java.util.Optional;

/**
 * Faults the virtual ESP32 injects, for testing the flasher, deployer and target. Immutable:
 * {@code Esp32Faults.none().withCrashOnBoot()}.
 *
 * @param noSync            the board ignores the download strap and always boots the app (as when
 *                          the auto-reset circuit is missing): SYNC is never answered
 * @param posesAs           the ROM reports this chip instead of the real one
 * @param corruptFlashWrite every flash write stores one byte wrong (read-back MD5 mismatch)
 * @param cutLinkAfterBytes the device drops the link after receiving this many bytes (0 = never)
 * @param crashOnBoot       the app panics at boot (Guru Meditation) instead of starting MicroPython
 * @param noRawPaste        the firmware predates raw-paste: it answers the request with {@code R\x00}
 * @param stubNeverStarts   an uploaded flasher stub never greets with {@code OHAI}: the ROM answers
 *                          MEM_END and stays the ROM loader (the board remains recoverable)
 */
public record Esp32Faults(boolean noSync, Optional<ChipModel> posesAs, boolean corruptFlashWrite,
                          long cutLinkAfterBytes, boolean crashOnBoot, boolean noRawPaste,
                          boolean stubNeverStarts) {

    public static Esp32Faults none() {
        return new Esp32Faults(false, Optional.empty(), false, 0, false, false, false);
    }

    public Esp32Faults withoutRawPaste() {
        return new Esp32Faults(noSync, posesAs, corruptFlashWrite, cutLinkAfterBytes, crashOnBoot, true, stubNeverStarts);
    }

    public Esp32Faults withNoSync() {
        return new Esp32Faults(true, posesAs, corruptFlashWrite, cutLinkAfterBytes, crashOnBoot, noRawPaste, stubNeverStarts);
    }

    public Esp32Faults withChipReportedAs(ChipModel chip) {
        return new Esp32Faults(noSync, Optional.of(chip), corruptFlashWrite, cutLinkAfterBytes, crashOnBoot, noRawPaste,
                stubNeverStarts);
    }

    public Esp32Faults withCorruptFlashWrite() {
        return new Esp32Faults(noSync, posesAs, true, cutLinkAfterBytes, crashOnBoot, noRawPaste, stubNeverStarts);
    }

    public Esp32Faults withLinkCutAfter(long bytes) {
        return new Esp32Faults(noSync, posesAs, corruptFlashWrite, bytes, crashOnBoot, noRawPaste, stubNeverStarts);
    }

    public Esp32Faults withCrashOnBoot() {
        return new Esp32Faults(noSync, posesAs, corruptFlashWrite, cutLinkAfterBytes, true, noRawPaste, stubNeverStarts);
    }

    public Esp32Faults withStubNeverStarting() {
        return new Esp32Faults(noSync, posesAs, corruptFlashWrite, cutLinkAfterBytes, crashOnBoot, noRawPaste, true);
    }
}
