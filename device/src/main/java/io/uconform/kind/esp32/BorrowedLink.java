package io.uconform.kind.esp32;

import io.uconform.link.ForwardingLink;
import io.uconform.link.Link;

/** A link whose owner outlives the user: {@link #close()} does nothing (the virtual board keeps its UART). */
final class BorrowedLink extends ForwardingLink {

    BorrowedLink(Link link) {
        super(link);
    }

    @Override
    public void close() {
        // the owner closes the link
    }
}
