package io.uconform.simulator.board;

/** A request the virtual board cannot honour; the message is one line naming pin and reason. */
public class BoardException extends RuntimeException {

    public BoardException(String message) {
        super(message);
    }
}
