package io.uconform.server.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A board in memory for route tests: GPIO 0-5, LED on 2, GPIO 5 input-only, ADC on 4 (reads
 * {@link #adcRaw}); every write is logged in {@link #writes}.
 */
final class FakeBoard implements Board {

    final List<String> writes = new CopyOnWriteArrayList<>();
    final AtomicLong bootMillis = new AtomicLong(System.currentTimeMillis());
    volatile int adcRaw = 2048;
    volatile String resetCause = "power_on";
    private final Map<Integer, PinView> pins = new TreeMap<>();

    FakeBoard() {
        for (int n = 0; n <= 5; n++) {
            pins.put(n, new PinView(n, n == 2 ? "out" : "in", 0, "none", n == 5, n == 4, 0, 0));
        }
    }

    @Override
    public String name() {
        return "fake-board";
    }

    @Override
    public String firmwareVersion() {
        return "fake 1.0";
    }

    @Override
    public int ledPin() {
        return 2;
    }

    @Override
    public synchronized List<PinView> pins() {
        return new ArrayList<>(pins.values());
    }

    @Override
    public synchronized Optional<PinView> pin(int pin) {
        return Optional.ofNullable(pins.get(pin));
    }

    @Override
    public synchronized PinView configure(int pin, String mode, String pull) {
        PinView p = pins.get(pin);
        return put(new PinView(pin, mode == null ? p.mode() : mode, p.value(), pull == null ? p.pull() : pull,
                p.inputOnly(), p.adc(), p.pwmFreq(), p.pwmDuty()));
    }

    @Override
    public synchronized PinView write(int pin, int value) {
        PinView p = pins.get(pin);
        writes.add(pin + "=" + value);
        return put(new PinView(pin, "out", value, p.pull(), p.inputOnly(), p.adc(), p.pwmFreq(), p.pwmDuty()));
    }

    @Override
    public synchronized PinView pwm(int pin, int freq, int duty) {
        PinView p = pins.get(pin);
        return put(new PinView(pin, "pwm", duty, p.pull(), p.inputOnly(), p.adc(), freq, duty));
    }

    @Override
    public AdcView readAdc(int pin) {
        return new AdcView(adcRaw, adcRaw * 3300 / 4095);
    }

    @Override
    public long uptimeMillis() {
        return System.currentTimeMillis() - bootMillis.get();
    }

    @Override
    public long freeHeapBytes() {
        return 100_000;
    }

    @Override
    public String resetCause() {
        return resetCause;
    }

    @Override
    public void softReset() {
        resetCause = "soft";
        bootMillis.set(System.currentTimeMillis());
    }

    private PinView put(PinView p) {
        pins.put(p.pin(), p);
        return p;
    }
}
