package io.uconform.kind.esp32;

import io.uconform.simulator.host.Interpreter;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.util.Set;

/**
 * What runs the virtual ESP32's MicroPython code, from the {@code esp32} options {@code interpreter}
 * ({@code auto}: the MicroPython unix port when {@code micropython} is on PATH, else CPython;
 * {@code micropython}; {@code python3}) and {@code heap} (the unix port's {@code -X heapsize=},
 * default 128K, about what an ESP32 without PSRAM leaves MicroPython). Immutable.
 */
record VirtualInterpreter(String wanted, String heap) {

    static final VirtualInterpreter DEFAULT = new VirtualInterpreter("auto", "128K");

    static VirtualInterpreter parse(TargetSpec spec) {
        String wanted = spec.option("interpreter").orElse(DEFAULT.wanted());
        if (!Set.of("auto", "micropython", "python3").contains(wanted)) {
            throw new TargetException("esp32: option interpreter must be auto, micropython or python3, not '" + wanted + "'");
        }
        String heap = spec.option("heap").orElse(DEFAULT.heap());
        if (!heap.matches("\\d+[KkMm]?")) {
            throw new TargetException("esp32: option heap must look like 128K or 2M, not '" + heap + "'");
        }
        return new VirtualInterpreter(wanted, heap);
    }

    boolean onPath() {
        return Interpreter.find(wanted).isPresent();
    }

    String describe() {
        return wanted.equals("auto") ? "micropython or python3" : wanted;
    }
}
