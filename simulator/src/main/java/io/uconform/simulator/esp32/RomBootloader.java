package io.uconform.simulator.esp32;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The mask-ROM download mode of the virtual ESP32, after esptool's serial-protocol documentation:
 * decodes command packets (already un-SLIPped) and answers as the ESP32-family ROM does (4 status
 * bytes: 1 and an error code on failure; 0x400 flash blocks; MD5 as 32 hex characters). Flash is
 * erased at FLASH_BEGIN and each block is written before it is acknowledged, each taking the time
 * the {@link FlashTiming} says. FLASH_END leaves the loader: 0 reboots (software reset, boot mode as
 * latched), 1 runs the application; a loader that should stay gets no FLASH_END (esptool sends none
 * after writing through the ROM). The ESP32's CHANGE_BAUDRATE sets the divider from the ROM's own
 * crystal estimate ({@link Efuses}), which is what esptool's ESP32 workaround pre-scales for.
 *
 * <p>An unknown command (on the ESP32 also GET_SECURITY_INFO, READ_FLASH, ERASE_*) is answered 8
 * times with error 0x05 under another command id: esptool and esptool-js both take a reply with a
 * different id and error 0x05 as "unsupported" and drain its 8 repeats. Which id the real ROM puts
 * there is not documented; the model uses the id of the last command it executed. Runs on the
 * board's CPU thread only.
 */
final class RomBootloader {

    static final int SYNC_VALUE = 0x20120707;
    private static final int INVALID_REPEATS = 8;
    private static final byte ERR_BAD_PARAMETER = 0x01;
    private static final byte ERR_INVALID_MESSAGE = 0x05;
    private static final byte ERR_CHECKSUM = 0x07;
    private static final byte ERR_DEFLATE = 0x0B;
    private static final byte ERR_RAM_ADDRESS = 0x0F;

    private final ChipModel reported;
    private final FlashMemory flash;
    private final Esp32Faults faults;
    private final LoaderBoard board;
    private final Efuses efuses;
    private final FlashSession session;
    private final RamUpload ram;
    private volatile StubLoader stub;
    private final SpiFlashParams params = new SpiFlashParams();
    private boolean attached;
    private int lastOp;

    RomBootloader(ChipModel reported, FlashMemory flash, Esp32Faults faults, Efuses efuses, LoaderBoard board) {
        this.reported = reported;
        this.flash = flash;
        this.faults = faults;
        this.efuses = efuses;
        this.board = board;
        this.session = new FlashSession(flash, board.flashTiming(), faults.corruptFlashWrite());
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
        LoaderCommand c = LoaderCommand.parse(p);
        if (c == null) {
            return; // not a command: the ROM ignores it
        }
        if (!c.lengthMatches()) {
            reply(c.op(), 0, new byte[0], ERR_BAD_PARAMETER);
            return;
        }
        execute(c);
    }

    private void execute(LoaderCommand c) {
        switch (c.op()) {
            case 0x08 -> sync(c);
            case 0x09 -> reply(c.op(), 0, new byte[0], board.registers().writeGroups(c) ? 0 : ERR_BAD_PARAMETER);
            case 0x0A -> readReg(c);
            case 0x14 -> securityInfo(c);
            case 0x0B -> reply(c.op(), 0, new byte[0], params.set(c) ? 0 : ERR_BAD_PARAMETER);
            case 0x0D -> attach(c);
            case 0x0F -> changeBaud(c);
            case 0x02, 0x10 -> begin(c);
            case 0x03, 0x11 -> data(c);
            case 0x04, 0x12 -> end(c);
            case 0x13 -> md5(c);
            case 0x0E -> readSlow(c);
            case 0x05 -> reply(c.op(), 0, new byte[0], c.length() == 16
                    ? ram.begin(c.unsignedWord(0), c.word(1), c.word(2), c.word(3)) : ERR_BAD_PARAMETER);
            case 0x07 -> memData(c);
            case 0x06 -> memEnd(c);
            default -> invalid(c.op());
        }
    }

    private void sync(LoaderCommand c) {
        byte[] expected = new byte[36];
        expected[0] = 0x07;
        expected[1] = 0x07;
        expected[2] = 0x12;
        expected[3] = 0x20;
        Arrays.fill(expected, 4, 36, (byte) 0x55);
        byte[] got = new byte[c.data().remaining()];
        c.data().get(0, got);
        if (!Arrays.equals(expected, got)) {
            return; // a garbled SYNC gets no answer
        }
        for (int i = 0; i < 8; i++) {
            reply(0x08, SYNC_VALUE, new byte[0], 0);
        }
    }

    private void readReg(LoaderCommand c) {
        if (c.length() != 4) {
            reply(c.op(), 0, new byte[0], ERR_BAD_PARAMETER);
            return;
        }
        reply(c.op(), board.registers().read(c.unsignedWord(0)), new byte[0], 0);
    }

    private void attach(LoaderCommand c) {
        if (c.length() != 4 && c.length() != 8) {
            reply(c.op(), 0, new byte[0], ERR_BAD_PARAMETER);
            return;
        }
        attached = true;
        reply(c.op(), 0, new byte[0], 0);
    }

    /** The ESP32 and ESP8266 ROMs do not know GET_SECURITY_INFO; the S2 answers without a chip id. */
    private void securityInfo(LoaderCommand c) {
        if (reported.securityChipId() == -1) {
            invalid(c.op());
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

    /**
     * Replies at the old rate, then reprograms the divider. The ESP32 ROM computes it from its
     * crystal estimate, so its UART runs at {@code new * 40 MHz / estimate}; a rate of 0 gives a
     * divider of 0 and a dead line (until the next reset).
     */
    private void changeBaud(LoaderCommand c) {
        if (c.length() != 8) {
            reply(c.op(), 0, new byte[0], ERR_BAD_PARAMETER);
            return;
        }
        reply(c.op(), 0, new byte[0], 0);
        long requested = c.unsignedWord(0);
        long actual = reported == ChipModel.ESP32
                ? Math.round(requested * (double) Efuses.CRYSTAL_HZ / efuses.romCrystalHz()) : requested;
        board.switchBaud((int) Math.min(Integer.MAX_VALUE, actual));
    }

    private void begin(LoaderCommand c) {
        boolean lengthOk = c.length() == 16 || (c.length() == 20 && reported != ChipModel.ESP32);
        if (!attached || !lengthOk || !params.covers(c.unsignedWord(3), c.unsignedWord(0))) {
            reply(c.op(), 0, new byte[0], ERR_BAD_PARAMETER); // past the driver's flash size: SPI_SET_PARAMS first
            return;
        }
        FlashSession.Step s = session.beginRom(c.unsignedWord(3), c.unsignedWord(0), c.word(1), c.word(2),
                c.op() == 0x10);
        if (!board.flashBusy().run(s.nanos())) {
            return; // reset during the erase
        }
        reply(c.op(), 0, new byte[0], s.result() == FlashSession.Result.OK ? 0 : ERR_BAD_PARAMETER);
    }

    private void data(LoaderCommand c) {
        byte[] payload = checkedPayload(c);
        if (payload == null) {
            return;
        }
        int seq = c.word(1);
        FlashSession.Step s = c.op() == 0x03 ? session.plain(seq, payload) : session.deflated(seq, payload);
        if (!board.flashBusy().run(s.nanos())) {
            return; // the ROM writes before it acknowledges: a reset cut the write short
        }
        reply(c.op(), 0, new byte[0], switch (s.result()) {
            case OK -> 0;
            case BAD_DATA -> c.op() == 0x11 ? ERR_DEFLATE : ERR_BAD_PARAMETER;
            default -> ERR_BAD_PARAMETER;
        });
    }

    /** FLASH_END / FLASH_DEFL_END: the ROM answers, then leaves the loader (0: reboot, 1: run the app). */
    private void end(LoaderCommand c) {
        int flag = c.length() >= 4 ? c.word(0) : 0;
        boolean complete = !session.active() || session.finish();
        reply(c.op(), 0, new byte[0], complete ? 0 : ERR_BAD_PARAMETER);
        if (flag == 0) {
            board.softwareReset();
        } else {
            board.runUserCode();
        }
    }

    private void memData(LoaderCommand c) {
        byte[] payload = checkedPayload(c);
        if (payload != null) {
            reply(c.op(), 0, new byte[0], ram.data(c.word(1), payload));
        }
    }

    /** The data after a _DATA command's 16-byte header, or null after replying why it is refused. */
    private byte[] checkedPayload(LoaderCommand c) {
        byte[] payload = c.dataPayload();
        if (payload == null) {
            reply(c.op(), 0, new byte[0], ERR_BAD_PARAMETER);
            return null;
        }
        if (!c.checksumMatches(payload)) {
            reply(c.op(), 0, new byte[0], ERR_CHECKSUM);
            return null;
        }
        return payload;
    }

    /** MEM_END(0, entry) into an uploaded segment "runs" the stub: it greets with OHAI. */
    private void memEnd(LoaderCommand c) {
        boolean jump = c.length() == 8 && c.word(0) == 0;
        if (jump && !ram.isEntry(c.word(1))) {
            reply(c.op(), 0, new byte[0], ERR_RAM_ADDRESS);
            return;
        }
        reply(c.op(), 0, new byte[0], c.length() == 8 ? 0 : ERR_BAD_PARAMETER);
        if (jump && !faults.stubNeverStarts()) {
            stub = new StubLoader(reported, flash, faults, board, params);
            board.send("OHAI".getBytes(StandardCharsets.US_ASCII));
            board.note(String.format("flasher stub running (entry 0x%08X; its protocol is modelled)", c.word(1)));
        }
    }

    private void md5(LoaderCommand c) {
        long address = c.unsignedWord(0);
        long size = c.unsignedWord(1);
        if (c.length() != 16 || address + size > flash.size() || !params.covers(address, size)) {
            reply(c.op(), 0, new byte[0], ERR_BAD_PARAMETER);
            return;
        }
        reply(c.op(), 0, flash.md5Hex(address, size).getBytes(StandardCharsets.US_ASCII), 0);
    }

    /** READ_FLASH_SLOW: the ESP32's ROM only; always 64 bytes, however many were asked for. */
    private void readSlow(LoaderCommand c) {
        if (reported != ChipModel.ESP32) {
            invalid(c.op());
            return;
        }
        long offset = c.length() == 8 ? c.unsignedWord(0) : -1;
        if (offset < 0 || offset + 64 > flash.size() || !params.covers(offset, 64)) {
            reply(c.op(), 0, new byte[0], ERR_BAD_PARAMETER);
            return;
        }
        reply(c.op(), 0, flash.read(offset, 64), 0);
    }

    private void invalid(int op) {
        byte[] status = {1, ERR_INVALID_MESSAGE, 0, 0};
        for (int i = 0; i < INVALID_REPEATS; i++) {
            board.send(LoaderCommand.reply(lastOp, 0, new byte[0], status));
        }
    }

    private void reply(int op, int value, byte[] payload, int error) {
        lastOp = op;
        byte[] status = {(byte) (error == 0 ? 0 : 1), (byte) error, 0, 0};
        board.send(LoaderCommand.reply(op, value, payload, status));
    }
}
