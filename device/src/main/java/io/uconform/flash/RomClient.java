package io.uconform.flash;

import io.uconform.link.Link;
import io.uconform.link.Slip;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * Sends ROM commands and waits for the matching reply (direction 1, same command id), skipping
 * other frames (e.g. the extra SYNC replies). Every wait is bounded by the command's timeout.
 * Counts the bytes written, for throughput figures.
 */
final class RomClient {

    static final int ROM_STATUS_LENGTH = 4; // ESP32-family ROMs
    static final int STUB_STATUS_LENGTH = 2; // every flasher stub
    private static final int MAX_FRAMES_PER_REPLY = 100;
    static final int ROM_INVALID_MESSAGE = 0x05;

    private final Link link;
    private long bytesWritten;
    private int statusLength = ROM_STATUS_LENGTH;

    RomClient(Link link) {
        this.link = link;
    }

    long bytesWritten() {
        return bytesWritten;
    }

    /** From now on replies carry the stub's 2 status bytes. */
    void useStubRules() {
        statusLength = STUB_STATUS_LENGTH;
    }

    boolean stubRules() {
        return statusLength == STUB_STATUS_LENGTH;
    }

    /** Sends a command and returns its reply; {@link SocketTimeoutException} when none came in time. */
    RomResponse command(int op, byte[] data, int checksum, Duration timeout) throws IOException {
        send(op, data, checksum);
        return await(op, timeout);
    }

    void send(int op, byte[] data, int checksum) throws IOException {
        ByteBuffer packet = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        packet.put((byte) 0).put((byte) op).putShort((short) data.length).putInt(checksum).put(data);
        byte[] frame = Slip.encode(packet.array());
        link.output().write(frame);
        link.output().flush();
        bytesWritten += frame.length;
    }

    RomResponse await(int op, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < MAX_FRAMES_PER_REPLY; i++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            link.setReadTimeout(Duration.ofNanos(left));
            byte[] frame = Slip.readFrame(link.input());
            if (frame.length >= 8 && frame[0] == 1 && (frame[1] & 0xFF) == op) {
                return RomResponse.parse(frame, statusLength);
            }
            if (frame.length >= 10 && frame[0] == 1 && frame[8] != 0 && frame[9] == ROM_INVALID_MESSAGE) {
                // as esptool: another command's id with error 0x05 is the ROM saying "unsupported"; it repeats it 8 times
                drainInput(Duration.ofMillis(50));
                return new RomResponse(op, 0, new byte[0], 1, ROM_INVALID_MESSAGE);
            }
        }
        throw new SocketTimeoutException(String.format("no reply to %s command 0x%02X within %d ms",
                stubRules() ? "stub" : "ROM", op, timeout.toMillis()));
    }

    /** The next SLIP frame, or null when none came within {@code timeout}. */
    byte[] nextFrame(Duration timeout) throws IOException {
        link.setReadTimeout(timeout.isNegative() || timeout.isZero() ? Duration.ofNanos(1) : timeout);
        try {
            return Slip.readFrame(link.input());
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** Drops whatever the device sent and we did not read (boot log, stale replies). */
    void drainInput(Duration quiet) throws IOException {
        link.setReadTimeout(quiet);
        byte[] buf = new byte[4096];
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        try {
            while (System.nanoTime() < until) {
                if (link.input().read(buf) < 0) {
                    throw new EOFException("link closed");
                }
            }
        } catch (SocketTimeoutException e) {
            // quiet: drained
        }
    }

    /** Reads what the device prints for up to {@code window} (boot text), without failing. */
    String readText(Duration window) {
        StringBuilder text = new StringBuilder();
        long until = System.nanoTime() + window.toNanos();
        byte[] buf = new byte[1024];
        try {
            while (System.nanoTime() < until) {
                link.setReadTimeout(Duration.ofNanos(Math.max(1_000_000, until - System.nanoTime())));
                int n = link.input().read(buf);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    int b = buf[i] & 0xFF;
                    text.append(b >= 0x20 && b < 0x7F || b == '\n' ? (char) b : ' ');
                }
                if (text.indexOf("waiting for download") >= 0) {
                    break;
                }
            }
        } catch (InterruptedIOException e) {
            // the window ended
        } catch (IOException e) {
            // the link reports itself on the next command
        }
        return text.toString();
    }

    /** A _DATA command's data: the 16-byte header (length, sequence number, 0, 0), then the block. */
    static byte[] dataPayload(int seq, byte[] block) {
        byte[] payload = new byte[16 + block.length];
        System.arraycopy(words(block.length, seq, 0, 0), 0, payload, 0, 16);
        System.arraycopy(block, 0, payload, 16, block.length);
        return payload;
    }

    /**
     * FLASH_BEGIN/FLASH_DEFL_BEGIN data: size, blocks, block size, offset, and the encrypt word only
     * for the ROMs that take it (all but the ESP32's). Stubs get 16 bytes: esptool's legacy stub
     * before v1.10 (esptool 5.1 ships v1.8) refuses 20, later ones and esp-flasher-stub take both.
     */
    byte[] beginWords(Chip chip, int size, int blocks, int blockSize, int offset) {
        return chip.beginWithoutEncryptFlag() || stubRules() ? words(size, blocks, blockSize, offset)
                : words(size, blocks, blockSize, offset, 0);
    }

    static byte[] words(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }
}
