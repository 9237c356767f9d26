package io.uconform.flash;

/** Receives progress while an image is written. Called on the flashing thread; must not block. */
@FunctionalInterface
public interface FlashProgress {

    /** @param done image bytes written so far (uncompressed), @param total image bytes to write */
    void update(long done, long total);

    /** A one-line note for the user (e.g. which loader flashes); ignored unless overridden. */
    default void notice(String line) {
    }

    static FlashProgress none() {
        return (done, total) -> { };
    }
}
