package io.uconform.simulator.esp32;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The mask-ROM download mode of the virtual ESP32: decodes command packets (already un-SLIPped)
 * and answers as the ESP32-family ROM does (4 status bytes, 0x400 blocks, MD5 as 32 hex chars).
 * Runs on the device thread only.
 */
final class RomBootloader {

    /** What the ROM needs from its board. */
    interface Board {
        void reply(byte[] packet);

        void switchBaud(int baud);

        void rebootIntoApp();

        /** The current UART rate (the stub's CHANGE_BAUDRATE names it as the old rate). */
        int baud();
    }

    static final int SYNC_VALUE = 0x20120707;
    private static final byte ERR_BAD_PARAMETER = 0x01;
    private static final byte ERR_INVALID_MESSAGE = 0x05;
    private static final byte ERR_CHECKSUM = 0x07;
    private static final byte ERR_DEFLATE = 0x0B;
    private static final byte ERR_RAM_ADDRESS = 0x0F;

    private final ChipModel reported;
    private final FlashMemory flash;
    private final Esp32Faults faults;
    private final Board board;
    private final FlashSession session;
    private final RamUpload ram;
    private volatile StubLoader stub;
    private boolean attached;

    RomBootloader(ChipModel reported, FlashMemory flash, Esp32Faults faults, Board board) {
        this.reported = reported;
        this.flash = flash;
        this.faults = faults;
        this.board = board;
        this.session = new FlashSession(flash, faults.corruptFlashWrite());
        this.ram = new RamUpload(reported);
    }

    /** True once an uploaded stub "runs": from then on the stub's rules answer. */
    boolean stubRunning() {
        return stub != null;
    }

    void packet(byte[] p) {
        if (stub != null) {
            stub.packet(p);
            return;
        }
        if (p.length < 8 || p[0] != 0) {
            return; // not a command: the ROM ignores it
        }
        int op = p[1] & 0xFF;
        ByteBuffer in = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
        int len = in.getShort(2) & 0xFFFF;
        int checksum = in.getInt(4);
        if (p.length != 8 + len) {
            reply(op, 0, new byte[0], ERR_BAD_PARAMETER);
            return;
        }
        ByteBuffer data = ByteBuffer.wrap(p, 8, len).slice().order(ByteOrder.LITTLE_ENDIAN);
        switch (op) {
            case 0x08 -> sync(data);
            case 0x0A -> reply(op, data.getInt(0) == ChipModel.MAGIC_REGISTER ? reported.magic() : 0, new byte[0], 0);
            case 0x14 -> securityInfo(op);
            case 0x0B -> reply(op, 0, new byte[0], 0);
            case 0x0D -> {
                attached = true;
                reply(op, 0, new byte[0], 0);
            }
            case 0x0F -> {
                reply(op, 0, new byte[0], 0);
                board.switchBaud(data.getInt(0));
            }
            case 0x02, 0x10 -> begin(op, data);
            case 0x03, 0x11 -> data(op, data, checksum);
            case 0x04, 0x12 -> end(op, data);
            case 0x13 -> md5(op, data);
            case 0x0E -> readSlow(op, data);
            case 0x05 -> reply(op, 0, new byte[0], len == 16
                    ? ram.begin(data.getInt(0) & 0xFFFF_FFFFL, data.getInt(4), data.getInt(8), data.getInt(12))
                    : ERR_BAD_PARAMETER);
            case 0x07 -> memData(op, data, checksum);
            case 0x06 -> memEnd(op, data, len);
            default -> reply(op, 0, new byte[0], ERR_INVALID_MESSAGE);
        }
    }

    private void sync(ByteBuffer data) {
        byte[] expected = new byte[36];
        expected[0] = 0x07;
        expected[1] = 0x07;
        expected[2] = 0x12;
        expected[3] = 0x20;
        Arrays.fill(expected, 4, 36, (byte) 0x55);
        byte[] got = new byte[data.remaining()];
        data.get(got);
        if (!Arrays.equals(expected, got)) {
            return; // a garbled SYNC gets no answer
        }
        for (int i = 0; i < 8; i++) {
            reply(0x08, SYNC_VALUE, new byte[0], 0);
        }
    }

    private void securityInfo(int op) {
        if (reported.securityChipId() == -1) {
            reply(op, 0, new byte[0], ERR_INVALID_MESSAGE);
            return;
        }
        boolean withId = reported.securityChipId() >= 0;
        ByteBuffer info = ByteBuffer.allocate(withId ? 20 : 12).order(ByteOrder.LITTLE_ENDIAN);
        info.putInt(0).put((byte) 0).put(new byte[7]);
        if (withId) {
            info.putInt(reported.securityChipId()).putInt(0);
        }
        reply(op, 0, info.array(), 0);
    }

    private void begin(int op, ByteBuffer data) {
        if (!attached) {
            reply(op, 0, new byte[0], ERR_BAD_PARAMETER);
            return;
        }
        int size = data.getInt(0);
        int blocks = data.getInt(4);
        int blockSize = data.getInt(8);
        int offset = data.getInt(12);
        boolean ok = op == 0x02
                ? session.beginPlain(offset, size, blocks, blockSize)
                : session.beginDeflated(offset, size, blocks, blockSize);
        reply(op, 0, new byte[0], ok ? 0 : ERR_BAD_PARAMETER);
    }

    private void data(int op, ByteBuffer data, int checksum) {
        int seq = data.getInt(4);
        byte[] payload = checkedPayload(op, data, checksum);
        if (payload == null) {
            return;
        }
        FlashSession.Result r = op == 0x03 ? session.plain(seq, payload) : session.deflated(seq, payload);
        reply(op, 0, new byte[0], switch (r) {
            case OK -> 0;
            case BAD_DATA -> ERR_DEFLATE;
            default -> ERR_BAD_PARAMETER;
        });
    }

    private void end(int op, ByteBuffer data) {
        int flag = data.remaining() >= 4 ? data.getInt(0) : 1;
        boolean complete = session.finish();
        reply(op, 0, new byte[0], complete ? 0 : ERR_BAD_PARAMETER);
        if (flag == 0) {
            board.rebootIntoApp();
        }
    }

    private void memData(int op, ByteBuffer data, int checksum) {
        byte[] payload = checkedPayload(op, data, checksum);
        if (payload != null) {
            reply(op, 0, new byte[0], ram.data(data.getInt(4), payload));
        }
    }

    /** The data after a _DATA command's 16-byte header, or null after replying why it is refused. */
    private byte[] checkedPayload(int op, ByteBuffer data, int checksum) {
        byte[] payload = dataPayload(data);
        if (payload == null) {
            reply(op, 0, new byte[0], ERR_BAD_PARAMETER);
            return null;
        }
        if (checksum(payload) != (checksum & 0xFF)) {
            reply(op, 0, new byte[0], ERR_CHECKSUM);
            return null;
        }
        return payload;
    }

    /** MEM_END(0, entry) into an uploaded segment "runs" the stub: it greets with OHAI. */
    private void memEnd(int op, ByteBuffer data, int len) {
        boolean jump = len == 8 && data.getInt(0) == 0;
        if (jump && !ram.isEntry(data.getInt(4))) {
            reply(op, 0, new byte[0], ERR_RAM_ADDRESS);
            return;
        }
        reply(op, 0, new byte[0], len == 8 ? 0 : ERR_BAD_PARAMETER);
        if (jump && !faults.stubNeverStarts()) {
            stub = new StubLoader(reported, flash, faults, board);
            board.reply("OHAI".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void md5(int op, ByteBuffer data) {
        int address = data.getInt(0);
        int size = data.getInt(4);
        if (address < 0 || size < 0 || (long) address + size > flash.size()) {
            reply(op, 0, new byte[0], ERR_BAD_PARAMETER);
            return;
        }
        reply(op, 0, flash.md5Hex(address, size).getBytes(StandardCharsets.US_ASCII), 0);
    }

    private void readSlow(int op, ByteBuffer data) {
        int offset = data.getInt(0);
        if (offset < 0 || offset + 64 > flash.size()) {
            reply(op, 0, new byte[0], ERR_BAD_PARAMETER);
            return;
        }
        reply(op, 0, flash.read(offset, 64), 0);
    }

    /** The block after a _DATA command's 16-byte header, or null when the header's length is not what came. */
    static byte[] dataPayload(ByteBuffer data) {
        int len = data.getInt(0);
        if (len < 0 || data.remaining() != 16 + len) {
            return null;
        }
        byte[] payload = new byte[len];
        data.position(16);
        data.get(payload);
        return payload;
    }

    static int checksum(byte[] payload) {
        int c = 0xEF;
        for (byte b : payload) {
            c ^= b & 0xFF;
        }
        return c & 0xFF;
    }

    private void reply(int op, int value, byte[] payload, int error) {
        ByteBuffer out = ByteBuffer.allocate(8 + payload.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 1).put((byte) op).putShort((short) (payload.length + 4)).putInt(value).put(payload);
        out.put((byte) (error == 0 ? 0 : 1)).put((byte) error).put((byte) 0).put((byte) 0);
        board.reply(out.array());
    }
}
