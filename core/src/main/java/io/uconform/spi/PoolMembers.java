package io.uconform.spi;

import java.util.Collections;
import java.util.List;

/** Pool member specs shared by the kinds that run in-process or on this machine. */
public final class PoolMembers {

    private PoolMembers() {
    }

    /**
     * {@code size} copies of {@code spec}, each instance on a free port of its own; a fixed
     * {@code port} option cannot be shared by several instances and is refused with one line.
     */
    public static List<TargetSpec> onFreePorts(TargetSpec spec, int size) {
        if (size < 1) {
            throw new TargetException(spec.kind() + ": a pool needs at least 1 instance, not " + size);
        }
        String port = spec.option("port").map(String::trim).orElse("0");
        if (size > 1 && !port.equals("0")) {
            throw new TargetException(spec.kind() + ": a pool of " + size + " instances needs port=0 (each on a"
                    + " free port of its own), not port=" + port);
        }
        return Collections.nCopies(size, spec);
    }
}
