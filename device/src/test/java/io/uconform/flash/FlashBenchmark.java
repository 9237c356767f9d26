package io.uconform.flash;

import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.esp32.SyntheticFirmware;
import io.uconform.simulator.esp32.VirtualEsp32;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Flashes a 1.5 MB image into a virtual ESP32 whose UART is paced at the modelled line rate (10 bits
 * per byte) and prints effective throughput (image bits / write time) against the line rate,
 * uncompressed and compressed. A main, not a test: it takes about a minute and a half.
 * Run: {@code java -cp <device test classpath> io.uconform.flash.FlashBenchmark}
 */
public final class FlashBenchmark {

    private FlashBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = 1536 * 1024;
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, size, 2026);
        FlashImage prepared = FlashImage.prepare(0x1000, image);
        System.out.printf("image %d bytes, deflated %d bytes (%.0f%%)%n", prepared.length(), prepared.deflate().length,
                100.0 * prepared.deflate().length / prepared.length());
        System.out.println("baud     mode          write s  wire bytes  effective kbit/s  line kbit/s  effective/line");
        for (int baud : new int[] {460_800, 921_600}) {
            for (boolean compress : new boolean[] {false, true}) {
                Path fs = Files.createTempDirectory("uconform-bench");
                try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs).withLineSpeedModel())) {
                    EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none());
                    flasher.connect();
                    flasher.changeBaud(baud);
                    FlashResult r = flasher.flash(FlashRequest.of(image, 0x1000).withCompression(compress)
                            .withSkipIfIdentical(false));
                    double seconds = r.writeTime().toNanos() / 1e9;
                    double effective = r.effectiveBitsPerSecond() / 1000;
                    double line = baud / 1000.0;
                    System.out.printf("%-8d %-13s %7.2f  %10d  %16.0f  %11.0f  %14.2f%n", baud,
                            compress ? "compressed" : "uncompressed", seconds, r.wireBytes(), effective, line,
                            effective / line);
                }
            }
        }
    }
}
