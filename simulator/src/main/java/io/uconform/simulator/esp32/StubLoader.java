package io.uconform.simulator.esp32;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The flasher stub's protocol, as the virtual ESP32 answers once an uploaded stub "runs". The
 * virtual chip cannot execute the uploaded Xtensa/RISC-V code: it models what esptool's stubs
 * (the legacy one, {@code stub_flasher/1}, and esp-flasher-stub, {@code stub_flasher/2}) do at the
 * serial line, where they agree: SYNC answered 8 times with value 0; 2 status bytes, the error code
 * (0xC0..0xC9, 0xFF) first; FLASH_BEGIN/FLASH_DEFL_BEGIN with 16 bytes or 20 (the encrypt word);
 * blocks up to 0x4000, acknowledged at once and written while the next one arrives, erasing as it
 * goes; MD5 as 16 raw bytes; ERASE_FLASH, ERASE_REGION, READ_FLASH (one packet in flight, each
 * acknowledged by the host with the bytes received, then the MD5); CHANGE_BAUDRATE scaled from the
 * old rate as the legacy stub reprograms its divider. Where the generations differ the legacy
 * stub's behaviour is modelled: FLASH_END(0) and RUN_USER_CODE leave the stub (esp-flasher-stub
 * v1.0 leaves both as "to do"). Runs on the board's CPU thread only.
 */
final class StubLoader {

    static final int MAX_BLOCK = 0x4000;
    static final int BAD_DATA_LEN = 0xC0;
    static final int BAD_CHECKSUM = 0xC1;
    static final int FAILED_SPI_OP = 0xC4;
    static final int BAD_BLOCKSIZE = 0xC2;
    static final int INVALID_COMMAND = 0xC3;
    static final int NOT_IN_FLASH_MODE = 0xC6;
    static final int INFLATE_ERROR = 0xC7;
    static final int NOT_ENOUGH_DATA = 0xC8;
    static final int TOO_MUCH_DATA = 0xC9;
    static final int NOT_IMPLEMENTED = 0xFF;

    private final ChipModel reported;
    private final FlashMemory flash;
    private final LoaderBoard board;
    private final FlashSession session;
    private final SpiFlashParams params;
    private StubFlashReader reader;
    private long sessionEnd;

    StubLoader(ChipModel reported, FlashMemory flash, Esp32Faults faults, LoaderBoard board, SpiFlashParams params) {
        this.reported = reported;
        this.flash = flash;
        this.board = board;
        this.params = params;
        this.session = new FlashSession(flash, board.flashTiming(), faults.corruptFlashWrite());
    }

    void packet(byte[] p) {
        if (!board.flashBusy().awaitIdle()) {
            return; // the stub was still writing the last block when the board was reset
        }
        if (reader != null) {
            if (!reader.acknowledged(p)) {
                reader = null;
            }
            return;
        }
        LoaderCommand c = LoaderCommand.parse(p);
        if (c == null) {
            return;
        }
        if (!c.lengthMatches()) {
            reply(c.op(), 0, new byte[0], BAD_DATA_LEN);
            return;
        }
        switch (c.op()) {
            case 0x08 -> sync(c);
            case 0x09 -> reply(c.op(), 0, new byte[0], board.registers().writeGroups(c) ? 0 : BAD_DATA_LEN);
            case 0x0A -> reply(c.op(), c.length() == 4 ? board.registers().read(c.unsignedWord(0)) : 0, new byte[0],
                    c.length() == 4 ? 0 : BAD_DATA_LEN);
            case 0x0B -> reply(c.op(), 0, new byte[0], params.set(c) ? 0 : BAD_DATA_LEN);
            case 0x0D -> reply(c.op(), 0, new byte[0], c.length() == 4 ? 0 : BAD_DATA_LEN);
            case 0x0F -> changeBaud(c);
            case 0x02, 0x10 -> begin(c);
            case 0x03, 0x11 -> data(c);
            case 0x04, 0x12 -> end(c);
            case 0x13 -> md5(c);
            case 0x14 -> securityInfo(c);
            case 0xD0 -> eraseFlash(c);
            case 0xD1 -> eraseRegion(c);
            case 0xD2 -> readFlash(c);
            case 0xD3 -> board.runUserCode(); // no reply: the stub returns into the ROM's boot
            default -> reply(c.op(), 0, new byte[0], INVALID_COMMAND);
        }
    }

    /** Eight identical replies with value 0 ("a stub is already running"), so a tool can sync to a running stub. */
    private void sync(LoaderCommand c) {
        if (c.length() != 36) {
            reply(c.op(), 0, new byte[0], BAD_DATA_LEN);
            return;
        }
        for (int i = 0; i < 8; i++) {
            reply(c.op(), 0, new byte[0], 0);
        }
    }

    /** Replies at the old rate, then divides the UART clock anew from the old rate: {@code actual = new * current / old}. */
    private void changeBaud(LoaderCommand c) {
        if (c.length() != 8) {
            reply(c.op(), 0, new byte[0], BAD_DATA_LEN);
            return;
        }
        reply(c.op(), 0, new byte[0], 0);
        long requested = c.unsignedWord(0);
        long old = c.unsignedWord(1);
        board.switchBaud(old == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, requested * board.baud() / old));
    }

    private void begin(LoaderCommand c) {
        if (c.length() != 16 && c.length() != 20) {
            reply(c.op(), 0, new byte[0], BAD_DATA_LEN);
            return;
        }
        if (c.word(2) <= 0 || c.word(2) > MAX_BLOCK) {
            reply(c.op(), 0, new byte[0], BAD_BLOCKSIZE);
            return;
        }
        FlashSession.Step s = session.beginStub(c.unsignedWord(3), c.unsignedWord(0), c.word(1), c.word(2),
                c.op() == 0x10);
        sessionEnd = c.unsignedWord(3) + c.unsignedWord(0);
        reply(c.op(), 0, new byte[0], s.result() == FlashSession.Result.OK ? 0 : BAD_DATA_LEN);
    }

    /** Acknowledged as soon as it is checked; the write (and the erases it needs) keeps the stub busy afterwards. */
    private void data(LoaderCommand c) {
        byte[] payload = c.dataPayload();
        if (payload == null || payload.length > MAX_BLOCK) {
            reply(c.op(), 0, new byte[0], payload == null ? BAD_DATA_LEN : TOO_MUCH_DATA);
            return;
        }
        if (!c.checksumMatches(payload)) {
            reply(c.op(), 0, new byte[0], BAD_CHECKSUM);
            return;
        }
        if (session.active() && !params.covers(0, sessionEnd)) {
            reply(c.op(), 0, new byte[0], FAILED_SPI_OP); // the ROM's driver refuses to write past its flash size
            return;
        }
        FlashSession.Step s = c.op() == 0x03 ? session.plain(c.word(1), payload) : session.deflated(c.word(1), payload);
        reply(c.op(), 0, new byte[0], switch (s.result()) {
            case OK -> 0;
            case BAD_DATA -> c.op() == 0x11 ? INFLATE_ERROR : BAD_DATA_LEN;
            case TOO_MUCH_DATA -> TOO_MUCH_DATA;
            case NOT_STARTED -> NOT_IN_FLASH_MODE;
            default -> BAD_DATA_LEN;
        });
        board.flashBusy().book(s.nanos());
    }

    /** Answered once every block is written; all the announced bytes must have come. 0 reboots. */
    private void end(LoaderCommand c) {
        if (c.length() != 4) {
            reply(c.op(), 0, new byte[0], BAD_DATA_LEN);
            return;
        }
        int error;
        if (!session.active()) {
            error = NOT_IN_FLASH_MODE;
        } else {
            boolean streamComplete = session.finish();
            error = session.remaining() > 0 || !streamComplete ? NOT_ENOUGH_DATA : 0;
        }
        reply(c.op(), 0, new byte[0], error);
        if (error == 0 && c.word(0) == 0) {
            board.softwareReset();
        }
    }

    private void md5(LoaderCommand c) {
        long address = c.unsignedWord(0);
        long size = c.unsignedWord(1);
        if (c.length() != 16) {
            reply(c.op(), 0, new byte[0], BAD_DATA_LEN);
            return;
        }
        if (address + size > flash.size() || !params.covers(address, size)) {
            reply(c.op(), 0, new byte[0], FAILED_SPI_OP);
            return;
        }
        reply(c.op(), 0, flash.md5(address, size), 0);
    }

    /** The ESP32's stub has no GET_SECURITY_INFO (its ROM has none); later chips' stubs pass the ROM's answer on. */
    private void securityInfo(LoaderCommand c) {
        if (reported.securityChipId() == -1) {
            reply(c.op(), 0, new byte[0], NOT_IMPLEMENTED);
            return;
        }
        boolean withId = reported.securityChipId() >= 0;
        ByteBuffer info = ByteBuffer.allocate(withId ? 20 : 12).order(ByteOrder.LITTLE_ENDIAN);
        info.putInt(0).put((byte) 0).put(new byte[7]);
        if (withId) {
            info.putInt(reported.securityChipId()).putInt(0);
        }
        reply(c.op(), 0, info.array(), 0);
    }

    private void eraseFlash(LoaderCommand c) {
        if (c.length() != 0) {
            reply(c.op(), 0, new byte[0], BAD_DATA_LEN);
            return;
        }
        flash.erase(0, flash.size());
        if (board.flashBusy().run(board.flashTiming().chipEraseNanos(flash.size()))) {
            reply(c.op(), 0, new byte[0], 0);
        }
    }

    private void eraseRegion(LoaderCommand c) {
        long offset = c.length() == 8 ? c.unsignedWord(0) : -1;
        long size = c.length() == 8 ? c.unsignedWord(1) : -1;
        boolean aligned = offset >= 0 && size >= 0 && offset % FlashMemory.SECTOR == 0 && size % FlashMemory.SECTOR == 0;
        if (!aligned) {
            reply(c.op(), 0, new byte[0], BAD_DATA_LEN);
            return;
        }
        if (!params.covers(offset, size) || !flash.erase(offset, size)) {
            reply(c.op(), 0, new byte[0], FAILED_SPI_OP);
            return;
        }
        if (board.flashBusy().run(board.flashTiming().eraseNanos(offset, size))) {
            reply(c.op(), 0, new byte[0], 0);
        }
    }

    /** READ_FLASH(offset, length, packet size, in flight): the reply, then packets the host acknowledges one by one. */
    private void readFlash(LoaderCommand c) {
        long offset = c.length() == 16 ? c.unsignedWord(0) : -1;
        long length = c.length() == 16 ? c.unsignedWord(1) : -1;
        long packet = c.length() == 16 ? c.unsignedWord(2) : 0;
        if (offset < 0 || length < 0 || packet == 0 || packet > 0x1000) {
            reply(c.op(), 0, new byte[0], BAD_DATA_LEN);
            return;
        }
        if (offset + length > flash.size() || !params.covers(offset, length)) {
            reply(c.op(), 0, new byte[0], FAILED_SPI_OP);
            return;
        }
        reply(c.op(), 0, new byte[0], 0);
        reader = new StubFlashReader(flash, board, offset, length, (int) packet);
        if (!reader.start()) {
            reader = null;
        }
    }

    private void reply(int op, int value, byte[] payload, int error) {
        board.send(LoaderCommand.reply(op, value, payload, new byte[] {(byte) error, 0}));
    }
}
