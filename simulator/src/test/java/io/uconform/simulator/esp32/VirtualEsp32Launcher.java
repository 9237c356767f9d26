package io.uconform.simulator.esp32;

import io.uconform.simulator.serial.RawTcpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * By hand: a virtual ESP32 with MicroPython in flash, served as raw serial over TCP for tools such
 * as mpremote ({@code mpremote connect socket://127.0.0.1:PORT ...}). Not a test. Arguments:
 * {@code [interpreter auto|micropython|python3] [heap 128K] [minutes 30]}; it stops by itself after
 * the given minutes, or on Ctrl-C, and removes its filesystem directory.
 */
public final class VirtualEsp32Launcher {

    private VirtualEsp32Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String interpreter = args.length > 0 ? args[0] : "auto";
        String heap = args.length > 1 ? args[1] : "128K";
        Duration lifetime = Duration.ofMinutes(args.length > 2 ? Long.parseLong(args[2]) : 30);
        Path fs = Files.createTempDirectory("uconform-launcher-fs");
        VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs).withInterpreter(interpreter, heap));
        esp.preload(ChipModel.ESP32.micropythonOffset(), SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 1));
        esp.powerOn();
        RawTcpServer tcp = esp.serveTcp();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tcp.close();
            esp.close();
            try (var walk = Files.walk(fs)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                // a temp directory left behind is harmless
            }
            stop.countDown();
        }));
        System.out.println("virtual ESP32 (" + interpreter + ", heap " + heap + ") at socket://127.0.0.1:" + tcp.port()
                + "  fs " + fs);
        stop.await(lifetime.toMinutes(), TimeUnit.MINUTES);
        System.exit(0);
    }
}
