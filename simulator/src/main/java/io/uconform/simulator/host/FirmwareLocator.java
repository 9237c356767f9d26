package io.uconform.simulator.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds the reference firmware (the device filesystem of {@code server/firmware}), the one place
 * that does so for the {@code host} and {@code esp32} targets: the system property
 * {@code uconform.firmware}; else {@code server/firmware} in the working directory or one of its
 * parents (a checkout, whose edits win); else the copy shipped inside the jar
 * ({@code uconform/firmware.zip}), unpacked once per JVM into an owner-only temporary directory
 * after its SHA-256 matched the one shipped beside it, and removed when the JVM exits.
 */
public final class FirmwareLocator {

    public static final String PROPERTY = "uconform.firmware";
    static final String SHIPPED = "/uconform/firmware.zip";

    private static Path unpacked;

    private FirmwareLocator() {
    }

    /** The reference firmware for this JVM's working directory; empty when none is found. */
    public static Optional<Path> referenceFirmware() {
        return referenceFirmware(Path.of("").toAbsolutePath());
    }

    static Optional<Path> referenceFirmware(Path workingDir) {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            Path dir = Path.of(configured).toAbsolutePath();
            return isFirmware(dir) ? Optional.of(dir) : Optional.empty();
        }
        for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("server").resolve("firmware");
            if (isFirmware(candidate)) {
                return Optional.of(candidate);
            }
        }
        return shipped();
    }

    /** A description of where the firmware is looked for, for "not found" messages. */
    public static String searched() {
        return "-D" + PROPERTY + "=<dir>, server/firmware in the working directory or a parent, "
                + "or the copy inside the jar";
    }

    static boolean isFirmware(Path dir) {
        return Files.isRegularFile(dir.resolve("main.py"));
    }

    static synchronized Optional<Path> shipped() {
        if (unpacked != null && isFirmware(unpacked)) {
            return Optional.of(unpacked);
        }
        byte[] zip = resource(SHIPPED);
        byte[] expected = resource(SHIPPED + ".sha256");
        if (zip == null || expected == null) {
            return Optional.empty();
        }
        String actual = sha256(zip);
        String wanted = new String(expected, StandardCharsets.US_ASCII).trim();
        if (!actual.equalsIgnoreCase(wanted)) {
            throw new IllegalStateException("the firmware inside the jar is damaged: SHA-256 " + actual
                    + ", expected " + wanted);
        }
        Path dir = unzip(zip);  // removed when the JVM exits, a signal included (TempDirectories)
        unpacked = dir;
        return Optional.of(dir);
    }

    private static Path unzip(byte[] zip) {
        try {
            Path dir = io.uconform.cleanup.TempDirectories.create("uconform-firmware-");
            try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    Path target = dir.resolve(e.getName()).normalize();
                    if (!target.startsWith(dir)) {
                        throw new IllegalStateException("firmware.zip entry outside its directory: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target);
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the firmware shipped in the jar: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = FirmwareLocator.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
