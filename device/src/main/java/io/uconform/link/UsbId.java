package io.uconform.link;

import java.util.List;
import java.util.Locale;

/**
 * A USB vendor:product pair, e.g. {@code 10c4:ea60}. {@link #KNOWN_BRIDGES} lists the USB-serial
 * chips found on ESP32 boards, searched when no port is named.
 */
public record UsbId(int vendor, int product) {

    public static final UsbId CP210X = new UsbId(0x10C4, 0xEA60);
    public static final UsbId CH340 = new UsbId(0x1A86, 0x7523);
    public static final UsbId CH9102 = new UsbId(0x1A86, 0x55D4);
    public static final UsbId FTDI = new UsbId(0x0403, 0x6001);
    public static final UsbId ESP_USB_JTAG = new UsbId(0x303A, 0x1001);
    public static final List<UsbId> KNOWN_BRIDGES = List.of(CP210X, CH340, CH9102, FTDI, ESP_USB_JTAG);

    /** Parses {@code vvvv:pppp} (hex). */
    public static UsbId parse(String text) {
        String[] parts = text.trim().split(":");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return new UsbId(Integer.parseInt(parts[0], 16), Integer.parseInt(parts[1], 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad USB id '" + text + "' (expected vid:pid in hex, e.g. 10c4:ea60)");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04x:%04x", vendor, product);
    }
}
