package io.uconform.cli;

import io.uconform.flash.Chip;
import io.uconform.flash.FirmwareImage;
import io.uconform.probe.LoopbackWires;
import io.uconform.simulator.bridge.VirtualAccessPoint;
import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.esp32.VirtualDevBoard;
import io.uconform.simulator.serial.RawTcpServer;
import io.uconform.simulator.serial.Rfc2217Server;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code uconform esp32}: a virtual ESP32 served on 127.0.0.1 as an RFC 2217 serial port (or raw
 * TCP), for esptool, esptool-js, mpremote and any other serial tool; runs until interrupted.
 */
@Command(name = "esp32", mixinStandardHelpOptions = true,
        description = "Serve a virtual ESP32 on 127.0.0.1 as an RFC 2217 serial port (DTR/RTS reach its reset"
                + " circuit) or raw TCP; runs until interrupted.")
final class Esp32Command implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "PORT", defaultValue = "4000",
            description = "TCP port on 127.0.0.1, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--raw", description = "plain TCP instead of RFC 2217: no DTR/RTS, no baud changes (esptool: socket://)")
    boolean raw;

    @Option(names = "--chip", defaultValue = "esp32", description = "esp32, esp32s2, esp32s3, esp32c3 or esp32c6 (default: ${DEFAULT-VALUE})")
    String chip;

    @Option(names = "--image", paramLabel = "FILE", description = "a MicroPython .bin in flash at the chip's offset"
            + " (default: a stand-in MicroPython image)")
    Path image;

    @Option(names = "--blank", description = "start with an erased flash (nothing to boot)")
    boolean blank;

    @Option(names = "--fs", paramLabel = "DIR", description = "the board's filesystem directory, kept after exit"
            + " (default: a temporary one)")
    Path filesystem;

    @Option(names = "--flash-size", paramLabel = "MB", defaultValue = "4", description = "flash size in MB: 2, 4, 8 or 16 (default: ${DEFAULT-VALUE})")
    int flashMegabytes;

    @Option(names = "--paced-line", description = "hold the UART to the line rate (10 bits per byte at the current baud)")
    boolean pacedLine;

    @Option(names = "--hold-boot", description = "power on with the BOOT button held: the ROM download mode (for --raw,"
            + " which carries no DTR/RTS)")
    boolean holdBoot;

    @Option(names = "--no-flash-timing", description = "erase and program the flash instantly (default: datasheet timing)")
    boolean noFlashTiming;

    @Override
    public Integer call() throws InterruptedException {
        ChipModel model = chipModel();
        Optional<byte[]> flash = flashContents(model);
        if (flashMegabytes != 2 && flashMegabytes != 4 && flashMegabytes != 8 && flashMegabytes != 16) {
            throw new IllegalArgumentException("--flash-size must be 2, 4, 8 or 16 (MB), got " + flashMegabytes);
        }
        flash.filter(b -> model.micropythonOffset() + b.length > flashMegabytes * (1 << 20)).ifPresent(b -> {
            throw new IllegalArgumentException("--image: " + image + " (" + b.length + " bytes at 0x"
                    + Integer.toHexString(model.micropythonOffset()) + ") does not fit " + flashMegabytes + " MB of flash");
        });
        PrintWriter out = spec.commandLine().getOut();
        UnaryOperator<Esp32Options> tune = o -> {
            Esp32Options t = o.withFlashSize(flashMegabytes << 20);
            t = pacedLine ? t.withLineSpeedModel() : t;
            return noFlashTiming ? t.withoutFlashTiming() : t;
        };
        VirtualDevBoard.Running board = new VirtualDevBoard(model, flash, Optional.ofNullable(filesystem),
                randomNetwork(), LoopbackWires.none(), tune, holdBoot).start();
        board.esp().onEvent(line -> say(out, "board: " + line));
        AutoCloseable server;
        String url;
        try {
            if (raw) {
                RawTcpServer s = RawTcpServer.start(board.esp().hostLink(), port, line -> say(out, line));
                server = s;
                url = s.url();
            } else {
                Rfc2217Server s = Rfc2217Server.start(board.esp().hostLink(), port, line -> say(out, line));
                server = s;
                url = s.url();
            }
        } catch (IOException e) {
            board.close();
            throw new IllegalArgumentException(e.getMessage() + " (choose another port with --listen)", e);
        }
        say(out, "virtual " + model.displayName() + " (MAC " + board.esp().mac() + ", " + flashMegabytes
                + " MB flash" + (pacedLine ? ", paced line" : "") + ") serving at " + url);
        say(out, raw ? "raw TCP: no DTR/RTS, no baud changes; esptool: --port " + url + " --before no-reset"
                : "esptool --port " + url + " chip-id | mpremote connect port:" + url);
        say(out, "filesystem " + board.filesystem() + "; type 'reset' (app) or 'download' (ROM loader) and Enter"
                + " to press the board's buttons; Ctrl-C to stop");
        buttons(board);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(server);
            board.close();
            stopped.countDown();
        }, "uconform-esp32-stop"));
        stopped.await();
        return Uconform.OK;
    }

    /** The board's EN and BOOT buttons from the console: "reset" boots the app, "download" the ROM loader. */
    private void buttons(VirtualDevBoard.Running board) {
        Thread t = new Thread(() -> {
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                    java.nio.charset.StandardCharsets.UTF_8));
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    switch (line.trim().toLowerCase()) {
                        case "reset", "r" -> board.esp().hardReset();
                        case "download", "d" -> board.esp().resetIntoBootloader();
                        case "" -> { }
                        default -> say(spec.commandLine().getOut(), "unknown '" + line.trim() + "': reset or download");
                    }
                }
            } catch (IOException e) {
                // no console: buttons unavailable
            }
        }, "uconform-esp32-buttons");
        t.setDaemon(true);
        t.start();
    }

    private ChipModel chipModel() {
        Chip parsed = Chip.parse(chip).orElseThrow(() -> new IllegalArgumentException(
                "--chip: unknown chip '" + chip + "' (known: esp32, esp32s2, esp32s3, esp32c3, esp32c6)"));
        return ChipModel.valueOf(parsed.name());
    }

    /** The image checked before anything starts: one line naming the problem. */
    private Optional<byte[]> flashContents(ChipModel model) {
        if (blank && image != null) {
            throw new IllegalArgumentException("--blank and --image exclude each other");
        }
        if (blank) {
            return Optional.of(new byte[0]);
        }
        if (image == null) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(image)) {
            throw new IllegalArgumentException("--image: no such file " + image);
        }
        try {
            byte[] bytes = Files.readAllBytes(image);
            FirmwareImage.check(bytes, image.toString()).forChip(Chip.valueOf(model.name()));
            return Optional.of(bytes);
        } catch (io.uconform.flash.FlashException e) {
            throw new IllegalArgumentException("--image: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("--image: cannot read " + image + ": " + e.getMessage(), e);
        }
    }

    private static VirtualAccessPoint randomNetwork() {
        byte[] secret = new byte[9];
        new SecureRandom().nextBytes(secret);
        return new VirtualAccessPoint("uconform-virtual-ap", "v" + HexFormat.of().formatHex(secret));
    }

    private static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println("uconform esp32: " + line);
            out.flush();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }
}
