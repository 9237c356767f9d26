package io.uconform.target.esp32;

import io.uconform.link.Link;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** A link whose owner outlives the user: {@link #close()} does nothing (the virtual board keeps its UART). */
final class BorrowedLink implements Link {

    private final Link link;

    BorrowedLink(Link link) {
        this.link = link;
    }

    @Override
    public String name() {
        return link.name();
    }

    @Override
    public InputStream input() {
        return link.input();
    }

    @Override
    public OutputStream output() {
        return link.output();
    }

    @Override
    public void setControlLines(boolean dtr, boolean rts) throws IOException {
        link.setControlLines(dtr, rts);
    }

    @Override
    public void setBaudRate(int baud) throws IOException {
        link.setBaudRate(baud);
    }

    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
        link.setReadTimeout(timeout);
    }

    @Override
    public void close() {
        // the owner closes the link
    }
}
