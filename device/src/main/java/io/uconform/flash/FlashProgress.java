package io.uconform.flash;

/** Receives progress while an image is written. Called on the flashing thread; must not block. */
@FunctionalInterface
public interface FlashProgress {

    /** @param done image bytes written so far (uncompressed), @param total image bytes to write */
    void update(long done, long total);

    static FlashProgress none() {
        return (done, total) -> { };
    }
}
