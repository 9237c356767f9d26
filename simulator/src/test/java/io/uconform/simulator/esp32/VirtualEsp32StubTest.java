package io.uconform.simulator.esp32;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.link.Slip;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The RAM upload and the modelled flasher stub, driven with hand-built packets. */
@Timeout(30)
class VirtualEsp32StubTest {

    private static final int TEXT_START = 0x400BE000;

    @TempDir
    Path fs;

    @Test
    void refusesRamOutsideTheChipsIramAndDram() throws Exception {
        try (VirtualEsp32 esp = bootloader(Esp32Faults.none())) {
            send(esp, 0x05, words(0x100, 1, 0x1800, 0x3F400000), 0); // flash-mapped DROM, not RAM
            assertThat(status(reply(esp, 0x05), 4)).containsExactly(1, 0x0E);
            send(esp, 0x05, words(0x100, 1, 0x1800, 0x400BFF80), 0); // runs past the end of IRAM
            assertThat(status(reply(esp, 0x05), 4)).containsExactly(1, 0x0E);
            send(esp, 0x06, words(0, 0x40080000), 0); // jump where nothing was uploaded
            assertThat(status(reply(esp, 0x06), 4)).containsExactly(1, 0x0F);
            assertThat(esp.stubRunning()).isFalse();
        }
    }

    @Test
    void runsTheStubOnMemEndAndAnswersByItsRules() throws Exception {
        try (VirtualEsp32 esp = bootloader(Esp32Faults.none())) {
            upload(esp);
            assertThat(Slip.readFrame(esp.hostLink().input())).isEqualTo("OHAI".getBytes(StandardCharsets.US_ASCII));
            assertThat(esp.stubRunning()).isTrue();

            send(esp, 0x08, sync(), 0);
            ByteBuffer sync = reply(esp, 0x08);
            assertThat(sync.getInt(4)).as("a stub answers SYNC with value 0").isZero();
            assertThat(status(sync, 2)).containsExactly(0, 0);

            send(esp, 0x0D, new byte[4], 0);
            assertThat(status(reply(esp, 0x0D), 2)).containsExactly(0, 0);
            byte[] block = new byte[0x4000];
            Arrays.fill(block, (byte) 0x5A);
            send(esp, 0x02, words(0x4000, 1, 0x4000, 0x10000), 0);
            assertThat(status(reply(esp, 0x02), 2)).as("FLASH_BEGIN without the encrypt word").containsExactly(0xC0, 0);
            send(esp, 0x02, words(0x4000, 1, 0x4000, 0x10000, 0), 0);
            assertThat(status(reply(esp, 0x02), 2)).containsExactly(0, 0);
            send(esp, 0x03, dataPacket(0, block), 0x12);
            assertThat(status(reply(esp, 0x03), 2)).as("bad checksum").containsExactly(0xC1, 0);
            send(esp, 0x03, dataPacket(0, block), checksum(block));
            assertThat(status(reply(esp, 0x03), 2)).containsExactly(0, 0);
            send(esp, 0x04, words(1), 0);
            assertThat(status(reply(esp, 0x04), 2)).containsExactly(0, 0);

            send(esp, 0x13, words(0x10000, 0x4000, 0, 0), 0);
            ByteBuffer md5 = reply(esp, 0x13);
            assertThat(md5.getShort(2)).as("16 raw MD5 bytes and 2 status bytes").isEqualTo((short) 18);
            byte[] digest = Arrays.copyOfRange(md5.array(), 8, 24);
            assertThat(digest).isEqualTo(MessageDigest.getInstance("MD5").digest(block));

            send(esp, 0xD1, words(0x10000, 0x1000), 0);
            assertThat(status(reply(esp, 0xD1), 2)).containsExactly(0, 0);
            assertThat(esp.readFlash(0x10000, 1)[0]).isEqualTo((byte) 0xFF);
            send(esp, 0xD1, words(0x10001, 0x1000), 0);
            assertThat(status(reply(esp, 0xD1), 2)).as("unaligned erase").containsExactly(0xC0, 0);

            send(esp, 0x0F, words(921_600, 0), 0);
            assertThat(status(reply(esp, 0x0F), 2)).as("CHANGE_BAUDRATE without the old rate").containsExactly(0xC0, 0);
            send(esp, 0x0F, words(921_600, 115_200), 0);
            assertThat(status(reply(esp, 0x0F), 2)).containsExactly(0, 0);
            org.awaitility.Awaitility.await("the stub's new baud rate").atMost(Duration.ofSeconds(2))
                    .until(() -> esp.baudRate() == 921_600);
            send(esp, 0x14 + 0x40, new byte[0], 0);
            assertThat(status(reply(esp, 0x54), 2)).containsExactly(0xC3, 0);
        }
    }

    @Test
    void aStubThatNeverStartsLeavesTheRomLoaderAnswering() throws Exception {
        try (VirtualEsp32 esp = bootloader(Esp32Faults.none().withStubNeverStarting())) {
            upload(esp);
            send(esp, 0x08, sync(), 0);
            ByteBuffer sync = reply(esp, 0x08);
            assertThat(sync.getInt(4)).as("still the ROM").isEqualTo(0x20120707);
            assertThat(esp.stubRunning()).isFalse();
        }
    }

    private VirtualEsp32 bootloader(Esp32Faults faults) {
        VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs).withFaults(faults));
        esp.resetIntoBootloader();
        org.awaitility.Awaitility.await("the ROM download mode").atMost(Duration.ofSeconds(5))
                .until(() -> esp.state() == VirtualEsp32.State.BOOTLOADER);
        return esp;
    }

    /** MEM_BEGIN, two MEM_DATA blocks, MEM_END(0, entry): the ROM acknowledges each. */
    private static void upload(VirtualEsp32 esp) throws IOException {
        byte[] text = new byte[0x2000];
        Arrays.fill(text, (byte) 0x36);
        send(esp, 0x05, words(text.length, 2, 0x1800, TEXT_START), 0);
        assertThat(status(reply(esp, 0x05), 4)).containsExactly(0, 0);
        for (int seq = 0; seq < 2; seq++) {
            byte[] part = Arrays.copyOfRange(text, seq * 0x1800, Math.min(text.length, (seq + 1) * 0x1800));
            send(esp, 0x07, dataPacket(seq, part), checksum(part));
            assertThat(status(reply(esp, 0x07), 4)).containsExactly(0, 0);
        }
        send(esp, 0x06, words(0, TEXT_START + 0x10), 0);
        assertThat(status(reply(esp, 0x06), 4)).containsExactly(0, 0);
    }

    private static void send(VirtualEsp32 esp, int op, byte[] data, int checksum) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0).put((byte) op).putShort((short) data.length).putInt(checksum).put(data);
        esp.hostLink().output().write(Slip.encode(b.array()));
    }

    /** The next reply to {@code op} (skipping the ROM's extra SYNC answers). */
    private static ByteBuffer reply(VirtualEsp32 esp, int op) throws IOException {
        esp.hostLink().setReadTimeout(Duration.ofSeconds(5));
        for (int i = 0; i < 20; i++) {
            byte[] frame = Slip.readFrame(esp.hostLink().input());
            if (frame.length >= 8 && frame[0] == 1 && (frame[1] & 0xFF) == op) {
                return ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        throw new AssertionError("no reply to 0x" + Integer.toHexString(op));
    }

    private static int[] status(ByteBuffer reply, int length) {
        int end = 8 + (reply.getShort(2) & 0xFFFF);
        assertThat(end - 8).as("reply data holds the status bytes").isGreaterThanOrEqualTo(length);
        return new int[] {reply.get(end - length) & 0xFF, reply.get(end - length + 1) & 0xFF};
    }

    private static byte[] dataPacket(int seq, byte[] payload) {
        byte[] data = new byte[16 + payload.length];
        System.arraycopy(words(payload.length, seq, 0, 0), 0, data, 0, 16);
        System.arraycopy(payload, 0, data, 16, payload.length);
        return data;
    }

    private static int checksum(byte[] payload) {
        int c = 0xEF;
        for (byte b : payload) {
            c ^= b & 0xFF;
        }
        return c;
    }

    private static byte[] sync() {
        byte[] sync = new byte[36];
        sync[0] = 7;
        sync[1] = 7;
        sync[2] = 0x12;
        sync[3] = 0x20;
        Arrays.fill(sync, 4, 36, (byte) 0x55);
        return sync;
    }

    private static byte[] words(int... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }
}
