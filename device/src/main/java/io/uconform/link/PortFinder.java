package io.uconform.link;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Chooses a serial port by USB id among the listed ports; pure logic, so it is testable without hardware. */
public final class PortFinder {

    private PortFinder() {
    }

    /** The single port with this id; an error line when none or several match. */
    public static SerialPortInfo byUsbId(List<SerialPortInfo> ports, UsbId id) {
        List<SerialPortInfo> found = ports.stream().filter(p -> p.matches(id)).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no serial port with USB id " + id + " (ports: " + describe(ports) + ")");
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("several serial ports with USB id " + id + " ("
                    + describe(found) + "): name one with the 'port' option");
        }
        return found.get(0);
    }

    /** The first port whose id is a known ESP32 USB bridge, in {@link UsbId#KNOWN_BRIDGES} order. */
    public static Optional<SerialPortInfo> firstKnownBridge(List<SerialPortInfo> ports) {
        for (UsbId id : UsbId.KNOWN_BRIDGES) {
            Optional<SerialPortInfo> p = ports.stream().filter(x -> x.matches(id)).findFirst();
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    static String describe(List<SerialPortInfo> ports) {
        return ports.isEmpty() ? "none" : ports.stream()
                .map(p -> p.path() + " [" + p.usbId() + "]").collect(Collectors.joining(", "));
    }
}
