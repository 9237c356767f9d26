package io.uconform.flash;

import java.util.Arrays;

/**
 * A ROM reply: the 32-bit value (READ_REG result), the payload before the status bytes, and the
 * status (first status byte non-zero = failure; ROM: 1 and the error code in the second byte;
 * stub: the error code 0xC0..0xFF in the first byte).
 */
record RomResponse(int op, int value, byte[] payload, int status, int error) {

    boolean ok() {
        return status == 0;
    }

    static RomResponse parse(byte[] frame, int statusLength) {
        int len = (frame[2] & 0xFF) | (frame[3] & 0xFF) << 8;
        int value = (frame[4] & 0xFF) | (frame[5] & 0xFF) << 8 | (frame[6] & 0xFF) << 16 | (frame[7] & 0xFF) << 24;
        byte[] data = Arrays.copyOfRange(frame, 8, Math.min(frame.length, 8 + len));
        if (data.length < statusLength) {
            return new RomResponse(frame[1] & 0xFF, value, data, 0, 0);
        }
        int at = data.length - statusLength;
        return new RomResponse(frame[1] & 0xFF, value, Arrays.copyOf(data, at), data[at] & 0xFF, data[at + 1] & 0xFF);
    }

    /** The ROM's or the stub's error code in words, for messages. */
    String describeError() {
        if (status >= 0xC0) {
            return String.format("stub error 0x%02X%02X: %s", status, error, stubError());
        }
        String what = switch (error) {
            case 0x01 -> "bad parameter";
            case 0x05 -> "invalid message (command not supported)";
            case 0x07 -> "checksum error";
            case 0x08 -> "flash write error (read-back differs)";
            case 0x09, 0x0A -> "flash read error";
            case 0x0B, 0x0C, 0x0D -> "deflate error";
            case 0x0E, 0x0F -> "bad RAM size or address";
            default -> "unknown error";
        };
        return String.format("ROM error 0x%02X: %s", error, what);
    }

    private String stubError() {
        return switch (status) {
            case 0xC0 -> "bad data length";
            case 0xC1 -> "bad checksum";
            case 0xC2 -> "bad block size";
            case 0xC3 -> "invalid command";
            case 0xC4 -> "SPI operation failed";
            case 0xC5 -> "SPI unlock failed";
            case 0xC6 -> "not in flash mode";
            case 0xC7 -> "inflate error";
            case 0xC8 -> "not enough data";
            case 0xC9 -> "too much data";
            case 0xFF -> "the stub does not know this command";
            default -> "unknown error";
        };
    }
}
