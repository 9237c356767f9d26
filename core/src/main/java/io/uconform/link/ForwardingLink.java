package io.uconform.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** A {@link Link} that passes everything to another one; subclasses override what they change. */
public abstract class ForwardingLink implements Link {

    protected final Link delegate;

    protected ForwardingLink(Link delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public InputStream input() {
        return delegate.input();
    }

    @Override
    public OutputStream output() {
        return delegate.output();
    }

    @Override
    public void setControlLines(boolean dtr, boolean rts) throws IOException {
        delegate.setControlLines(dtr, rts);
    }

    @Override
    public void setBaudRate(int baud) throws IOException {
        delegate.setBaudRate(baud);
    }

    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
        delegate.setReadTimeout(timeout);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
