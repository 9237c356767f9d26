package io.uconform.simulator.board;

/** The board has no pin with that number. */
public final class NoSuchPinException extends BoardException {

    public NoSuchPinException(int pin, String board) {
        super("board " + board + " has no GPIO " + pin);
    }
}
