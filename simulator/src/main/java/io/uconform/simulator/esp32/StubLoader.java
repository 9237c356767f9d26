package io.uconform.simulator.esp32;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The flasher stub's protocol, as the virtual ESP32 answers once an uploaded stub "runs". The
 * virtual chip cannot execute the uploaded Xtensa/RISC-V code: it models what esptool's stub does
 * at the serial line. Stub rules: SYNC answered once with value 0; 2 status bytes whose first byte
 * is the stub error (0xC0..0xC9, 0xFF) and second is 0; flash blocks up to 0x4000; FLASH_BEGIN and
 * FLASH_DEFL_BEGIN always with the encrypt word, FLASH_DEFL_BEGIN with the exact uncompressed size;
 * SPI_ATTACH with 4 bytes; MD5 as 16 raw bytes; ERASE_FLASH and ERASE_REGION; CHANGE_BAUDRATE
 * with the old rate. Flash erase and write times are not modelled: each data block is acknowledged
 * at once (as the real stub does, which writes in the background) and written instantly.
 */
final class StubLoader {

    static final int MAX_BLOCK = 0x4000;
    static final int BAD_DATA_LEN = 0xC0;
    static final int BAD_CHECKSUM = 0xC1;
    static final int BAD_BLOCKSIZE = 0xC2;
    static final int INVALID_COMMAND = 0xC3;
    static final int NOT_IN_FLASH_MODE = 0xC6;
    static final int INFLATE_ERROR = 0xC7;
    static final int NOT_ENOUGH_DATA = 0xC8;
    static final int TOO_MUCH_DATA = 0xC9;

    private final ChipModel reported;
    private final FlashMemory flash;
    private final RomBootloader.Board board;
    private final FlashSession session;
    private long expectedSize;
    private boolean deflating;

    StubLoader(ChipModel reported, FlashMemory flash, Esp32Faults faults, RomBootloader.Board board) {
        this.reported = reported;
        this.flash = flash;
        this.board = board;
        this.session = new FlashSession(flash, faults.corruptFlashWrite());
    }

    void packet(byte[] p) {
        if (p.length < 8 || p[0] != 0) {
            return;
        }
        int op = p[1] & 0xFF;
        ByteBuffer in = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
        int len = in.getShort(2) & 0xFFFF;
        if (p.length != 8 + len) {
            reply(op, 0, new byte[0], BAD_DATA_LEN);
            return;
        }
        ByteBuffer data = ByteBuffer.wrap(p, 8, len).slice().order(ByteOrder.LITTLE_ENDIAN);
        int checksum = in.getInt(4);
        switch (op) {
            case 0x08 -> reply(op, 0, new byte[0], 0); // value 0: "a stub is already running"
            case 0x0A -> reply(op, len == 4 && data.getInt(0) == ChipModel.MAGIC_REGISTER ? reported.magic() : 0,
                    new byte[0], len == 4 ? 0 : BAD_DATA_LEN);
            case 0x0B -> reply(op, 0, new byte[0], len == 24 ? 0 : BAD_DATA_LEN);
            case 0x0D -> reply(op, 0, new byte[0], len == 4 ? 0 : BAD_DATA_LEN);
            case 0x0F -> changeBaud(op, data, len);
            case 0x02, 0x10 -> begin(op, data, len);
            case 0x03, 0x11 -> data(op, data, checksum);
            case 0x04, 0x12 -> end(op, data);
            case 0x13 -> md5(op, data, len);
            case 0xD0 -> reply(op, 0, new byte[0], flash.erase(0, flash.size()) ? 0 : BAD_DATA_LEN);
            case 0xD1 -> eraseRegion(op, data, len);
            default -> reply(op, 0, new byte[0], INVALID_COMMAND);
        }
    }

    private void changeBaud(int op, ByteBuffer data, int len) {
        if (len != 8 || data.getInt(4) != board.baud()) {
            reply(op, 0, new byte[0], BAD_DATA_LEN); // the stub needs the old rate to reprogram its divider
            return;
        }
        reply(op, 0, new byte[0], 0);
        board.switchBaud(data.getInt(0));
    }

    private void begin(int op, ByteBuffer data, int len) {
        if (len != 20) {
            reply(op, 0, new byte[0], BAD_DATA_LEN); // stub rule: the encrypt word is always there
            return;
        }
        int size = data.getInt(0);
        int blocks = data.getInt(4);
        int blockSize = data.getInt(8);
        int offset = data.getInt(12);
        if (blockSize <= 0 || blockSize > MAX_BLOCK) {
            reply(op, 0, new byte[0], BAD_BLOCKSIZE);
            return;
        }
        deflating = op == 0x10;
        expectedSize = size;
        boolean ok = deflating ? session.beginDeflated(offset, size, blocks, blockSize)
                : session.beginPlain(offset, size, blocks, blockSize);
        reply(op, 0, new byte[0], ok ? 0 : BAD_DATA_LEN);
    }

    private void data(int op, ByteBuffer data, int checksum) {
        int seq = data.getInt(4);
        byte[] payload = RomBootloader.dataPayload(data);
        if (payload == null || payload.length > MAX_BLOCK) {
            reply(op, 0, new byte[0], payload == null ? BAD_DATA_LEN : TOO_MUCH_DATA);
            return;
        }
        if (RomBootloader.checksum(payload) != (checksum & 0xFF)) {
            reply(op, 0, new byte[0], BAD_CHECKSUM);
            return;
        }
        FlashSession.Result r = op == 0x03 ? session.plain(seq, payload) : session.deflated(seq, payload);
        reply(op, 0, new byte[0], switch (r) {
            case OK -> 0;
            case BAD_DATA -> op == 0x11 ? INFLATE_ERROR : TOO_MUCH_DATA;
            case NOT_STARTED -> NOT_IN_FLASH_MODE;
            default -> BAD_DATA_LEN;
        });
    }

    private void end(int op, ByteBuffer data) {
        int flag = data.remaining() >= 4 ? data.getInt(0) : 1;
        long written = session.written();
        boolean complete = session.finish();
        int error = 0;
        if (!complete) {
            error = deflating ? NOT_ENOUGH_DATA : 0;
        } else if (op == 0x12 && deflating && written != expectedSize) {
            error = written < expectedSize ? NOT_ENOUGH_DATA : TOO_MUCH_DATA; // stub rule: the exact size
        }
        deflating = false;
        reply(op, 0, new byte[0], error);
        if (flag == 0) {
            board.rebootIntoApp();
        }
    }

    private void md5(int op, ByteBuffer data, int len) {
        int address = data.getInt(0);
        int size = data.getInt(4);
        if (len != 16 || address < 0 || size < 0 || (long) address + size > flash.size()) {
            reply(op, 0, new byte[0], BAD_DATA_LEN);
            return;
        }
        reply(op, 0, flash.md5(address, size), 0);
    }

    private void eraseRegion(int op, ByteBuffer data, int len) {
        int offset = len == 8 ? data.getInt(0) : -1;
        int size = len == 8 ? data.getInt(4) : -1;
        boolean aligned = offset >= 0 && size >= 0 && offset % FlashMemory.SECTOR == 0 && size % FlashMemory.SECTOR == 0;
        reply(op, 0, new byte[0], aligned && flash.erase(offset, size) ? 0 : BAD_DATA_LEN);
    }

    private void reply(int op, int value, byte[] payload, int error) {
        ByteBuffer out = ByteBuffer.allocate(8 + payload.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 1).put((byte) op).putShort((short) (payload.length + 2)).putInt(value).put(payload);
        out.put((byte) error).put((byte) 0);
        board.reply(out.array());
    }
}
