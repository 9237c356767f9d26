package io.uconform.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.esp32.SyntheticFirmware;
import io.uconform.simulator.esp32.VirtualEsp32;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Flashes a 1.5 MB synthetic MicroPython image into a virtual ESP32 whose UART is paced at the
 * modelled line rate and prints, per baud rate, loader (ROM, stub) and mode (uncompressed,
 * compressed), the median of N runs: write seconds (first BEGIN to verified MD5), wire bytes,
 * effective kbit/s (image bits / write time), the line's data rate (8N1: 8 data bits in 10 bit
 * times, 0.8 x baud), and effective throughput as a ratio of that data rate and of the raw baud.
 * Flash erase and program take the W25Q32FV's typical times (the virtual ESP32's default), so the
 * figures are what a board achieves, line and flash together. Runs only when asked for with {@code -Dbench.runs=N}
 * (see {@code device/bench/flash-bench.sh}); otherwise skipped. The stub is the test fixture
 * (made-up bytes; the virtual ESP32 models the stub's protocol).
 */
class FlashBenchmark {

    private static final int IMAGE_SIZE = 1536 * 1024;

    private record Row(int baud, boolean stub, boolean compress) {
        String loader() {
            return stub ? "stub" : "ROM";
        }

        /** {@code -Dbench.only=921600,ROM,uncompressed} picks rows by any of these words (all must match). */
        boolean matches(String filter) {
            String name = (baud + " " + loader() + " " + (compress ? "compressed" : "uncompressed")).toLowerCase();
            for (String word : filter.toLowerCase().split("[ ,]+")) {
                if (!word.isEmpty() && !java.util.Arrays.asList(name.split(" ")).contains(word)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Run(double connectSeconds, FlashResult result) {
        double seconds() {
            return result.writeTime().toNanos() / 1e9;
        }
    }

    @Test
    void flashThroughputAgainstTheLineRate() throws Exception {
        String runsProperty = System.getProperty("bench.runs", "");
        assumeThat(runsProperty).as("benchmark not requested (-Dbench.runs=N)").isNotBlank();
        int runs = Integer.parseInt(runsProperty.trim());
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, IMAGE_SIZE, 2026);
        FlashImage prepared = FlashImage.prepare(0x1000, image);
        System.out.printf("image %d bytes, deflated %d bytes (%.0f%%); %d runs per row, median shown;"
                + " flash erase/program time modelled (W25Q32FV typical)%n", prepared.length(), prepared.deflate().length,
                100.0 * prepared.deflate().length / prepared.length(), runs);
        System.out.println("baud    loader mode          connect s  write s  wire bytes  effective kbit/s"
                + "  data rate kbit/s  vs data rate  vs raw baud");
        for (int baud : new int[] {460_800, 921_600}) {
            for (boolean stub : new boolean[] {false, true}) {
                for (boolean compress : new boolean[] {false, true}) {
                    Row row = new Row(baud, stub, compress);
                    if (!row.matches(System.getProperty("bench.only", ""))) {
                        continue;
                    }
                    List<Run> results = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        results.add(once(row, image));
                    }
                    results.sort(Comparator.comparingDouble(Run::seconds));
                    print(row, results.get(results.size() / 2));
                }
            }
        }
    }

    private static Run once(Row row, byte[] image) throws Exception {
        Path fs = Files.createTempDirectory("uconform-bench");
        Esp32Options options = Esp32Options.of(ChipModel.ESP32, fs);
        // -Dbench.paced=false: no line model, to measure what the simulation itself costs per command
        if (!"false".equals(System.getProperty("bench.paced"))) {
            options = options.withLineSpeedModel();
        }
        try (VirtualEsp32 esp = VirtualEsp32.create(options)) {
            StubChoice choice = row.stub() ? StubChoice.file(StubFlasherTest.fakeStub()) : StubChoice.none();
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none(), choice,
                    chip -> Optional.empty());
            long start = System.nanoTime();
            flasher.connect();
            double connect = (System.nanoTime() - start) / 1e9;
            flasher.changeBaud(row.baud());
            FlashResult r = flasher.flash(FlashRequest.of(image, 0x1000).withCompression(row.compress())
                    .withSkipIfIdentical(false));
            assertThat(r.md5()).isEqualTo(FlashImage.prepare(0x1000, image).md5());
            assertThat(esp.stubRunning()).isEqualTo(row.stub());
            return new Run(connect, r);
        } finally {
            Files.deleteIfExists(fs);
        }
    }

    private static void print(Row row, Run run) {
        double effective = run.result().effectiveBitsPerSecond() / 1000;
        double dataRate = row.baud() * 0.8 / 1000;
        System.out.printf("%-7d %-6s %-12s  %9.2f  %7.2f  %10d  %16.0f  %16.0f  %12.3f  %11.3f%n", row.baud(),
                row.loader(), row.compress() ? "compressed" : "uncompressed", run.connectSeconds(), run.seconds(),
                run.result().wireBytes(), effective, dataRate, effective / dataRate, effective / (row.baud() / 1000.0));
    }
}
