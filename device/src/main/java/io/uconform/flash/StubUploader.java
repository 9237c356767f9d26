package io.uconform.flash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Loads a {@link FlasherStub} into the chip's RAM through the ROM (MEM_BEGIN, MEM_DATA in 0x1800
 * blocks with their checksum, MEM_END(0, entry)) and waits, bounded, for the stub's {@code OHAI}.
 * From then on the client speaks the stub's rules.
 */
final class StubUploader {

    static final int RAM_BLOCK = 0x1800;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_FRAMES = 100;
    private static final Duration GREETING_TIMEOUT = Duration.ofSeconds(3);
    private static final byte[] OHAI = "OHAI".getBytes(StandardCharsets.US_ASCII);

    private final RomClient rom;
    private final String linkName;

    StubUploader(RomClient rom, String linkName) {
        this.rom = rom;
        this.linkName = linkName;
    }

    void upload(FlasherStub stub) throws IOException {
        segment(stub, "text", stub.textStart(), stub.text());
        if (stub.data().length > 0) {
            segment(stub, "data", stub.dataStart(), stub.data());
        }
        rom.send(RomOp.MEM_END, RomClient.words(0, stub.entry()), 0);
        if (!awaitGreeting(stub)) {
            throw new FlashException(String.format("the flasher stub %s never said OHAI on %s within %d ms (uploaded to"
                    + " 0x%08X, entry 0x%08X): it did not start; the board is still in the ROM loader: reset it, or"
                    + " flash with stub=none", stub.source(), linkName, GREETING_TIMEOUT.toMillis(), stub.textStart(),
                    stub.entry()));
        }
        rom.useStubRules();
    }

    /**
     * Reads frames until OHAI. The ROM's MEM_END reply may come first or not at all (the ROM can jump
     * before it answers); a refusal in it is reported, anything else is skipped.
     */
    private boolean awaitGreeting(FlasherStub stub) throws IOException {
        long deadline = System.nanoTime() + GREETING_TIMEOUT.toNanos();
        for (int i = 0; i < MAX_FRAMES; i++) {
            byte[] frame = rom.nextFrame(Duration.ofNanos(deadline - System.nanoTime()));
            if (frame == null) {
                return false;
            }
            if (Arrays.equals(frame, OHAI)) {
                return true;
            }
            if (frame.length >= 8 && frame[0] == 1 && (frame[1] & 0xFF) == RomOp.MEM_END) {
                RomResponse end = RomResponse.parse(frame, RomClient.ROM_STATUS_LENGTH);
                EspFlasher.check(RomOp.MEM_END, end, String.format("MEM_END (jump to the stub's entry 0x%08X from %s)",
                        stub.entry(), stub.source()));
            }
        }
        return false;
    }

    private void segment(FlasherStub stub, String name, int address, byte[] bytes) throws IOException {
        int blocks = (bytes.length + RAM_BLOCK - 1) / RAM_BLOCK;
        RomResponse begin = rom.command(RomOp.MEM_BEGIN, RomClient.words(bytes.length, blocks, RAM_BLOCK, address), 0,
                COMMAND_TIMEOUT);
        EspFlasher.check(RomOp.MEM_BEGIN, begin, String.format("MEM_BEGIN of the stub's %s segment (%d bytes at 0x%08X"
                + " from %s)", name, bytes.length, address, stub.source()));
        for (int seq = 0; seq < blocks; seq++) {
            byte[] block = Arrays.copyOfRange(bytes, seq * RAM_BLOCK, Math.min(bytes.length, (seq + 1) * RAM_BLOCK));
            RomResponse r = rom.command(RomOp.MEM_DATA, RomClient.dataPayload(seq, block), BlockWriter.checksum(block),
                    COMMAND_TIMEOUT);
            EspFlasher.check(RomOp.MEM_DATA, r, String.format("MEM_DATA block %d/%d of the stub's %s segment", seq + 1,
                    blocks, name));
        }
    }
}
