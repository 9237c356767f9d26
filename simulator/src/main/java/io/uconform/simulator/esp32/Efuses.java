package io.uconform.simulator.esp32;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What the virtual chip's eFuses hold that a flasher reads: the factory MAC (Espressif's OUI
 * 24:0A:C4, the rest derived from a serial string so that it is stable from run to run), and, for
 * the ESP32, the ROM's estimate of its own crystal. The estimate is what esptool's ESP32 baud-rate
 * workaround corrects for: the ESP32 ROM sets its UART divider from a crystal frequency it
 * calibrates against its drifting 8 MHz RC oscillator; this board's ROM believes its 40 MHz
 * crystal runs at 41.6 MHz (4% high), so a CHANGE_BAUDRATE that is not pre-scaled leaves the ROM's
 * UART 4% slow, past what a UART tolerates.
 *
 * @param mac              the 6-byte base MAC
 * @param romCrystalHz     the ESP32 ROM's calibrated crystal estimate
 */
public record Efuses(byte[] mac, long romCrystalHz) {

    public static final long CRYSTAL_HZ = 40_000_000L;
    static final long DEFAULT_ROM_CRYSTAL_HZ = 41_600_000L;
    private static final byte[] ESPRESSIF_OUI = {0x24, 0x0A, (byte) 0xC4};

    public Efuses {
        if (mac.length != 6) {
            throw new IllegalArgumentException("a MAC has 6 bytes, got " + mac.length);
        }
        mac = mac.clone();
        if (romCrystalHz <= 33_000_000L || romCrystalHz > 48_000_000L) {
            throw new IllegalArgumentException("the ROM's crystal estimate must be near 40 MHz, got " + romCrystalHz);
        }
    }

    /** Espressif's OUI and three bytes from {@code serial}'s SHA-256: the same serial, the same MAC. */
    public static Efuses forSerial(String serial) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(serial.getBytes(StandardCharsets.UTF_8));
            byte[] mac = Arrays.copyOf(ESPRESSIF_OUI, 6);
            System.arraycopy(digest, 0, mac, 3, 3);
            return new Efuses(mac, DEFAULT_ROM_CRYSTAL_HZ);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /** e.g. {@code 24:0a:c4:12:34:56}, as esptool prints it. */
    public String macText() {
        return HexFormat.ofDelimiter(":").formatHex(mac);
    }

    /** The ESP32 ROM's CRC-8 over the MAC (reflected polynomial 0x8C, initial value 0), stored beside it. */
    int macCrc() {
        int crc = 0;
        for (byte b : mac) {
            crc ^= b & 0xFF;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8C : crc >>> 1;
            }
        }
        return crc;
    }

    /**
     * The ESP32's RTC calibration value and 8 MHz clock eFuse whose product gives the ROM's
     * crystal estimate ({@code cali * 15625 * ck8m / 40}); ck8m is 52 (the eFuse's low byte).
     */
    int esp32CalibrationValue() {
        return (int) Math.round(romCrystalHz * 40.0 / (15625.0 * ESP32_CK8M));
    }

    static final int ESP32_CK8M = 52;

    @Override
    public boolean equals(Object o) {
        return o instanceof Efuses other && Arrays.equals(mac, other.mac) && romCrystalHz == other.romCrystalHz;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mac) * 31 + Long.hashCode(romCrystalHz);
    }

    @Override
    public String toString() {
        return "Efuses[mac=" + macText() + ", romCrystalHz=" + romCrystalHz + "]";
    }
}
