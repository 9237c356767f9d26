package io.uconform.simulator.esp32;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** What the virtual ESP32 finds in its flash when it boots: an image header, MicroPython's banner, a first-boot filesystem. */
final class FlashedApp {

    private FlashedApp() {
    }

    static boolean hasImageHeader(FlashMemory flash, int offset) {
        return (flash.get(offset) & 0xFF) == SyntheticFirmware.ESP_IMAGE_MAGIC;
    }

    /** Where MicroPython's version string is in flash, -1 when the app is something else. */
    static int micropythonBanner(FlashMemory flash, int offset) {
        return flash.indexOf("MicroPython v".getBytes(StandardCharsets.US_ASCII), offset);
    }

    /** The REPL's banner from the version string in flash (completed when the image holds only the version). */
    static String banner(FlashMemory flash, int at, ChipModel chip) {
        byte[] raw = flash.read(at, Math.min(160, flash.size() - at));
        int end = 0;
        while (end < raw.length && raw[end] >= 0x20 && raw[end] < 0x7F) {
            end++;
        }
        String line = new String(raw, 0, end, StandardCharsets.US_ASCII);
        if (!line.contains(";") || !line.contains(" with ")) {
            line = line.split(" ")[0] + " " + line.split(" ")[1] + " on 2024-11-29; " + chip.board()
                    + " with " + chip.displayName();
        }
        return line + "\r\nType \"help()\" for more information.\r\n";
    }

    /** The first word at {@code offset}, as the ROM prints it in "invalid header". */
    static int firstWord(FlashMemory flash, int offset) {
        byte[] w = flash.read(offset, 4);
        return (w[0] & 0xFF) | (w[1] & 0xFF) << 8 | (w[2] & 0xFF) << 16 | (w[3] & 0xFF) << 24;
    }

    /** MicroPython's first boot on an empty filesystem: "Performing initial setup" and a default boot.py. */
    static void firstBootSetup(Path filesystem, Consumer<String> print) {
        try {
            Files.createDirectories(filesystem);
            try (var entries = Files.list(filesystem)) {
                if (entries.findAny().isEmpty()) {
                    print.accept(BootText.initialSetup());
                    Files.writeString(filesystem.resolve("boot.py"), BootText.DEFAULT_BOOT_PY);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("virtual ESP32 filesystem " + filesystem + ": " + e.getMessage(), e);
        }
    }
}
