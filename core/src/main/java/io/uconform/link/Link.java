package io.uconform.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A byte stream with control lines: a serial port (jSerialComm), raw serial over TCP (an emulator
 * UART, the virtual ESP32's TCP port), or an in-memory pipe. Reads honour {@link #setReadTimeout}
 * (a read that times out returns -1 from {@code read()} only at end of stream; on timeout it throws
 * {@link java.net.SocketTimeoutException}). Not thread-safe for concurrent writers.
 */
public interface Link extends AutoCloseable {

    /** Human-readable name for messages, e.g. {@code /dev/ttyUSB0} or {@code tcp://127.0.0.1:4000}. */
    String name();

    InputStream input();

    OutputStream output();

    /**
     * Sets DTR and RTS (true = asserted). Links without control lines ignore this. On an ESP32 dev
     * board DTR drives GPIO0 (BOOT) and RTS drives EN (reset) through the auto-reset transistors.
     */
    void setControlLines(boolean dtr, boolean rts) throws IOException;

    /** Changes the line speed (the virtual ESP32 models transfer time from it). */
    void setBaudRate(int baud) throws IOException;

    void setReadTimeout(Duration timeout) throws IOException;

    @Override
    void close();
}
