package io.uconform.simulator.esp32;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A command packet as the ROM loader and the flasher stub receive it (un-SLIPped):
 * {@code u8 0x00 | u8 op | u16 len | u32 checksum | data}, little-endian.
 *
 * @param op       the command id
 * @param length   the data length the header announces
 * @param checksum the checksum word (used by the _DATA commands)
 * @param data     the data after the header, little-endian; its size may differ from {@code length}
 */
record LoaderCommand(int op, int length, int checksum, ByteBuffer data) {

    /** The command in {@code packet}, or null when it is not one (too short, or not host-to-chip). */
    static LoaderCommand parse(byte[] packet) {
        if (packet.length < 8 || packet[0] != 0) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer data = ByteBuffer.wrap(packet, 8, packet.length - 8).slice().order(ByteOrder.LITTLE_ENDIAN);
        return new LoaderCommand(packet[1] & 0xFF, in.getShort(2) & 0xFFFF, in.getInt(4), data);
    }

    /** True when the data is as long as the header says. */
    boolean lengthMatches() {
        return data.remaining() == length;
    }

    int word(int index) {
        return data.getInt(4 * index);
    }

    long unsignedWord(int index) {
        return word(index) & 0xFFFF_FFFFL;
    }

    /** The block after a _DATA command's 16-byte header, or null when the header's length is not what came. */
    byte[] dataPayload() {
        if (data.remaining() < 16) {
            return null;
        }
        int len = word(0);
        if (len < 0 || data.remaining() != 16 + len) {
            return null;
        }
        byte[] payload = new byte[len];
        data.get(16, payload);
        return payload;
    }

    /** esptool's checksum of a _DATA payload: 0xEF XOR every byte. */
    static int checksum(byte[] payload) {
        int c = 0xEF;
        for (byte b : payload) {
            c ^= b & 0xFF;
        }
        return c & 0xFF;
    }

    /** True when the payload's checksum is the one in the header. */
    boolean checksumMatches(byte[] payload) {
        return checksum(payload) == (checksum & 0xFF);
    }

    /** The reply: direction 1, the op, the data length, the value word; then payload and status bytes. */
    static byte[] reply(int op, int value, byte[] payload, byte[] status) {
        ByteBuffer out = ByteBuffer.allocate(8 + payload.length + status.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 1).put((byte) op).putShort((short) (payload.length + status.length)).putInt(value)
                .put(payload).put(status);
        return out.array();
    }
}
