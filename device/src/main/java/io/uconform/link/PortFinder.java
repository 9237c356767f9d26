package io.uconform.link;

import java.util.List;
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

    /**
     * The one port whose bridge is a known ESP32 USB bridge, for a run that names no port; an error
     * line naming what was looked for and what is there when none or several are found.
     */
    public static SerialPortInfo soleKnownBridge(List<SerialPortInfo> ports) {
        List<SerialPortInfo> found = ports.stream()
                .filter(p -> UsbId.KNOWN_BRIDGES.stream().anyMatch(p::matches)).toList();
        if (found.size() == 1) {
            return found.get(0);
        }
        String known = UsbId.KNOWN_BRIDGES.stream().map(UsbId::toString).collect(Collectors.joining(", "));
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no serial port named and no ESP32 board found by USB id (looked for "
                    + known + "; ports: " + describe(ports) + "): set the option port or vidpid, or UCONFORM_PORT");
        }
        throw new IllegalArgumentException("no serial port named and several ESP32 boards found (" + describe(found)
                + "): name one with the option port or vidpid, or UCONFORM_PORT");
    }

    static String describe(List<SerialPortInfo> ports) {
        return ports.isEmpty() ? "none" : ports.stream()
                .map(p -> p.path() + " [" + p.usbId() + "]").collect(Collectors.joining(", "));
    }
}
