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

    /** No progress, notices to {@code sink} (for callers that report them their own way). */
    static FlashProgress noticesTo(java.util.function.Consumer<String> sink) {
        return new FlashProgress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public void notice(String line) {
                sink.accept(line);
            }
        };
    }
}
