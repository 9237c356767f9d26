package io.uconform.simulator.esp32;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Test helper: a raw-REPL client that follows the protocol as MicroPython documents it and tools
 * such as mpremote drive it (enter with or without soft reset, raw-paste with its window, standard
 * raw mode as the fallback, the two 0x04-terminated sections). Written from the spec, bounded waits.
 */
final class RawReplClient {

    record Result(String out, String err) {
    }

    static final String RAW_BANNER = "raw REPL; CTRL-B to exit\r\n";
    private final SerialScript serial;
    private final io.uconform.link.Link link;
    private final Duration wait;
    int windowIncrements; // how many window updates the board sent during the last raw-paste exec

    RawReplClient(io.uconform.link.Link link, Duration wait) {
        this.link = link;
        this.serial = new SerialScript(link);
        this.wait = wait;
    }

    SerialScript serial() {
        return serial;
    }

    /** Interrupt, Ctrl-A, and with {@code softReset} a Ctrl-D that reboots into the raw REPL. */
    void enter(boolean softReset) throws IOException {
        serial.send("\r\u0003");
        serial.send("\r\u0001");
        serial.readUntil(RAW_BANNER + ">", wait);
        if (softReset) {
            serial.send("\u0004");
            serial.readUntil("soft reboot\r\n", wait);
            serial.readUntil(RAW_BANNER, wait);
            serial.readUntil(">", wait);
        }
    }

    /** Raw-paste when the board accepts it (mpremote's way), else the standard raw mode. */
    Result exec(String code) throws IOException {
        byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
        serial.send("\u0005A\u0001");
        String answer = readExactly(2);
        if (answer.equals("R\u0001")) {
            pasteWrite(bytes);
            return sections();
        }
        if (!answer.equals("R\u0000")) {
            throw new AssertionError("unexpected raw-paste answer '" + SerialScript.escape(answer) + "'");
        }
        link.output().write(bytes);
        serial.send("\u0004");
        String ok = readExactly(2);
        if (!ok.equals("OK")) {
            throw new AssertionError("expected OK, got '" + SerialScript.escape(ok) + "'");
        }
        return sections();
    }

    /** Sends a program through raw-paste and does not wait for its output (mpremote's --no-follow). */
    void send(String code) throws IOException {
        serial.send("\u0005A\u0001");
        String answer = readExactly(2);
        if (!answer.equals("R\u0001")) {
            throw new AssertionError("the board refused raw-paste: '" + SerialScript.escape(answer) + "'");
        }
        pasteWrite(code.getBytes(StandardCharsets.UTF_8));
    }

    private void pasteWrite(byte[] code) throws IOException {
        String header = readExactly(2);
        int window = (header.charAt(0) & 0xFF) | (header.charAt(1) & 0xFF) << 8;
        int remaining = window;
        windowIncrements = 0;
        int i = 0;
        while (i < code.length) {
            while (remaining == 0 || link.input().available() > 0) {
                int b = readByte();
                if (b == 0x01) {
                    remaining += window;
                    windowIncrements++;
                } else if (b == 0x04) {
                    serial.send("\u0004");
                    return;
                } else {
                    throw new AssertionError("unexpected byte 0x" + Integer.toHexString(b) + " during raw-paste");
                }
            }
            int n = Math.min(remaining, code.length - i);
            link.output().write(code, i, n);
            remaining -= n;
            i += n;
        }
        serial.send("\u0004");
        serial.readUntil("\u0004", wait); // the board has the whole program
    }

    private Result sections() throws IOException {
        String out = serial.readUntil("\u0004", wait);
        String err = serial.readUntil("\u0004", wait);
        return new Result(out.substring(0, out.length() - 1), err.substring(0, err.length() - 1));
    }

    /** The prompt that follows the sections of an exec. */
    void prompt() throws IOException {
        serial.readUntil(">", wait);
    }

    /** Exec, then the prompt: the usual round trip. */
    Result run(String code) throws IOException {
        Result r = exec(code);
        prompt();
        return r;
    }

    private String readExactly(int n) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            got.write(readByte());
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    private int readByte() throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            link.setReadTimeout(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            try {
                int b = link.input().read();
                if (b < 0) {
                    throw new AssertionError("link closed");
                }
                return b;
            } catch (SocketTimeoutException e) {
                // the deadline check ends it
            }
        }
        throw new AssertionError("no byte from the board within " + wait.toSeconds() + " s");
    }
}
