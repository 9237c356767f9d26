package io.uconform.link;

import java.io.IOException;

/** A SLIP framing error: a bad escape sequence or a peer that never sends a frame. */
public class SlipException extends IOException {

    public SlipException(String message) {
        super(message);
    }
}
