package io.uconform.kind.esp32;

import io.uconform.flash.Chip;
import io.uconform.flash.EspFlasher;
import io.uconform.flash.FirmwareImage;
import io.uconform.flash.FlashProgress;
import io.uconform.flash.FlashRequest;
import io.uconform.flash.FlashResult;
import io.uconform.link.Link;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flashes the MicroPython image at the chip's offset (skipped when identical) and resets into it,
 * through the flasher stub the {@code stub} option names (or the ROM loader, which the facts say).
 */
final class ImageInstaller {

    private final Esp32TargetOptions options;
    private final Link link;

    ImageInstaller(Esp32TargetOptions options, Link link) {
        this.options = options;
        this.link = link;
    }

    Map<String, String> install(Path image) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the image " + image + ": " + e.getMessage(), e);
        }
        FirmwareImage.check(bytes, image.toString()); // before anything touches the board
        List<String> notices = new ArrayList<>();
        ProgressLines lines = ProgressLines.stderr();
        FlashProgress progress = lines.flash(FlashProgress.noticesTo(notices::add));
        EspFlasher flasher = new EspFlasher(link, options.resetStrategy(), progress, options.stub());
        lines.say("connecting to the ROM loader on " + link.name() + " to flash " + image);
        Chip chip = flasher.connect();
        lines.say("connected: " + chip + ", flash " + flasher.flashIdText() + ", " + flasher.loader());
        if (options.baud() != 115_200 && options.tcp().isEmpty()) { // over TCP the far UART speed is not ours
            flasher.changeBaud(options.baud());
        }
        FlashRequest request = FlashRequest.of(bytes, chip.micropythonOffset()).named(image.toString());
        FlashResult result = flasher.flash(options.chip().map(request::expecting).orElse(request));
        lines.say(result.skipped() ? "the board already holds this image (MD5 " + result.md5() + ")"
                : "written and verified (MD5 " + result.md5() + ") in " + result.writeTime().toMillis() + " ms; resetting");
        try {
            // the console speed before the reset: the boot log comes at 115200, whatever rate the loader ran at
            // (at another rate it is lost to framing errors, on a board as on the virtual one)
            if (options.resetStrategy().hasControlLinesForReset()) {
                link.setBaudRate(115_200);
            }
            flasher.hardReset();
            link.setBaudRate(115_200);
        } catch (IOException e) {
            throw new IllegalStateException("cannot return " + link.name() + " to 115200 baud: " + e.getMessage(), e);
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("chip", chip.displayName());
        facts.put("image.md5", result.md5());
        facts.put("image.flashed", result.skipped() ? "already up to date" : "written");
        facts.put("image.loader", flasher.loader());
        if (!notices.isEmpty()) {
            facts.put("image.loader.note", String.join("; ", notices));
        }
        return facts;
    }
}
