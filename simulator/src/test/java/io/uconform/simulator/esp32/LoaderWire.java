package io.uconform.simulator.esp32;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.link.Link;
import io.uconform.link.Slip;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;

/**
 * Test helper: the host side of esptool's serial protocol, built from its documentation
 * (command = {@code 00 op len16 checksum32 data}, reply = {@code 01 op len16 value32 data status},
 * SLIP-framed), so that tests state what a real loader answers without going through the
 * flasher under test.
 */
final class LoaderWire {

    static final int SYNC = 0x08;
    private final Link link;

    LoaderWire(Link link) {
        this.link = link;
    }

    /** A board reset into the ROM download mode, and the wire to it. */
    static LoaderWire inBootloader(VirtualEsp32 esp) {
        esp.resetIntoBootloader();
        org.awaitility.Awaitility.await("the ROM download mode").atMost(Duration.ofSeconds(5))
                .until(() -> esp.state() == VirtualEsp32.State.BOOTLOADER);
        return new LoaderWire(esp.hostLink());
    }

    void send(int op, byte[] data) throws IOException {
        send(op, data, 0);
    }

    void send(int op, byte[] data, int checksum) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0).put((byte) op).putShort((short) data.length).putInt(checksum).put(data);
        link.output().write(Slip.encode(b.array()));
    }

    /** One SLIP frame with this payload, not a command (READ_FLASH's acknowledgements). */
    void sendRaw(byte[] payload) throws IOException {
        link.output().write(Slip.encode(payload));
    }

    /** A _DATA command: header (length, seq, 0, 0), the block, and its checksum. */
    void sendData(int op, int seq, byte[] block) throws IOException {
        byte[] data = new byte[16 + block.length];
        System.arraycopy(words(block.length, seq, 0, 0), 0, data, 0, 16);
        System.arraycopy(block, 0, data, 16, block.length);
        send(op, data, checksum(block));
    }

    /** The next frame, whatever it is (fails after {@code timeout}). */
    byte[] frame(Duration timeout) throws IOException {
        link.setReadTimeout(timeout);
        return Slip.readFrame(link.input());
    }

    /** The next reply frame with direction 1 and this op, skipping others (e.g. extra SYNC replies). */
    ByteBuffer reply(int op) throws IOException {
        for (int i = 0; i < 40; i++) {
            byte[] frame = frame(Duration.ofSeconds(5));
            if (frame.length >= 8 && frame[0] == 1 && (frame[1] & 0xFF) == op) {
                return ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        throw new AssertionError("no reply to 0x" + Integer.toHexString(op));
    }

    /** The next reply frame, whatever its op. */
    ByteBuffer anyReply() throws IOException {
        return ByteBuffer.wrap(frame(Duration.ofSeconds(5))).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** True when nothing arrives within {@code quiet}. */
    boolean silentFor(Duration quiet) throws IOException {
        try {
            frame(quiet);
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    /** Sends SYNC and returns the first reply. */
    ByteBuffer sync() throws IOException {
        send(SYNC, syncData());
        return reply(SYNC);
    }

    /** Reads and drops frames until the line stays quiet (the other SYNC replies). */
    void drain() throws IOException {
        while (!silentFor(Duration.ofMillis(150))) {
            // dropped
        }
    }

    int readReg(long address) throws IOException {
        send(0x0A, words((int) address));
        ByteBuffer r = reply(0x0A);
        return r.getInt(4);
    }

    /** Status bytes at the end of a reply's data: the ROM has 4 (status, error, 0, 0), a stub 2 (error, 0). */
    static int[] status(ByteBuffer reply, int length) {
        int end = 8 + (reply.getShort(2) & 0xFFFF);
        assertThat(end - 8).as("reply data holds the status bytes").isGreaterThanOrEqualTo(length);
        return new int[] {reply.get(end - length) & 0xFF, reply.get(end - length + 1) & 0xFF};
    }

    static byte[] payload(ByteBuffer reply, int statusLength) {
        int len = (reply.getShort(2) & 0xFFFF) - statusLength;
        return Arrays.copyOfRange(reply.array(), 8, 8 + len);
    }

    static byte[] syncData() {
        byte[] sync = new byte[36];
        sync[0] = 7;
        sync[1] = 7;
        sync[2] = 0x12;
        sync[3] = 0x20;
        Arrays.fill(sync, 4, 36, (byte) 0x55);
        return sync;
    }

    static int checksum(byte[] payload) {
        int c = 0xEF;
        for (byte b : payload) {
            c ^= b & 0xFF;
        }
        return c;
    }

    static byte[] words(int... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }

    /** esptool's run_spiflash_command(cmd, read_bits=bits) on an ESP32: the register writes, then W0. */
    int spiFlashCommand(int command, int readBits) throws IOException {
        long base = 0x3FF4_2000L;
        writeReg(base + 0x2C, readBits - 1); // MISO_DLEN
        writeReg(base + 0x1C, (1 << 31) | (1 << 28)); // USR: command and MISO phases
        writeReg(base + 0x24, (7 << 28) | command); // USR2: 8-bit command
        writeReg(base + 0x80, 0); // W0 cleared
        writeReg(base, 1 << 18); // CMD: USR
        assertThat(readReg(base) & (1 << 18)).as("the SPI command completed").isZero();
        return readReg(base + 0x80);
    }

    void writeReg(long address, int value) throws IOException {
        send(0x09, words((int) address, value, 0xFFFF_FFFF, 0));
        reply(0x09);
    }
}
