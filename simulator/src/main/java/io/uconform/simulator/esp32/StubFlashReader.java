package io.uconform.simulator.esp32;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The stub's side of READ_FLASH after its reply: one data packet at a time (both esptool stub
 * generations keep one packet in flight, whatever the host asks for), each acknowledged by the
 * host with a 4-byte count of the bytes it has received; when all are acknowledged, a 16-byte
 * MD5 of what was sent. An acknowledgement that is not 4 bytes ends the read early (the MD5 of
 * what was sent follows), as the legacy stub does.
 */
final class StubFlashReader {

    private final FlashMemory flash;
    private final LoaderBoard board;
    private final long length;
    private final int packetSize;
    private final MessageDigest md5;
    private long next;
    private long sent;

    StubFlashReader(FlashMemory flash, LoaderBoard board, long offset, long length, int packetSize) {
        this.flash = flash;
        this.board = board;
        this.length = length;
        this.packetSize = packetSize;
        this.next = offset;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** Sends the first packet; false when there is nothing to read (the MD5 went out already). */
    boolean start() {
        if (length == 0) {
            board.send(md5.digest());
            return false;
        }
        sendNext();
        return true;
    }

    /** Takes one frame from the host as an acknowledgement; false when the read is over. */
    boolean acknowledged(byte[] frame) {
        if (frame.length != 4) {
            board.send(md5.digest());
            return false;
        }
        long acked = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
        if (acked >= length) {
            board.send(md5.digest());
            return false;
        }
        if (acked >= sent) {
            sendNext();
        }
        return true;
    }

    private void sendNext() {
        int n = (int) Math.min(packetSize, length - sent);
        byte[] packet = flash.read(next, n);
        md5.update(packet);
        board.send(packet);
        next += n;
        sent += n;
    }
}
