package io.uconform.kind.esp32;

import io.uconform.flash.FlashProgress;
import java.io.PrintStream;

/**
 * What a person waiting at the CLI sees while the esp32 target prepares a board: flash progress in
 * 10% steps, the app push, the boot. Lines go to stderr (the report has the console capture), as
 * {@code uconform esp32: ...}; {@code -Duconform.progress=false} silences them.
 */
final class ProgressLines {

    private final PrintStream out;
    private final boolean on;

    ProgressLines(PrintStream out) {
        this.out = out;
        this.on = !"false".equals(System.getProperty("uconform.progress"));
    }

    static ProgressLines stderr() {
        return new ProgressLines(System.err);
    }

    void say(String line) {
        if (on) {
            out.println("uconform esp32: " + line);
            out.flush();
        }
    }

    /** Flash progress every 10%, and the flasher's notices, on the way to {@code also}. */
    FlashProgress flash(FlashProgress also) {
        return new FlashProgress() {
            private int lastTenth = -1;

            @Override
            public void update(long done, long total) {
                int tenth = total == 0 ? 10 : (int) (done * 10 / total);
                if (tenth != lastTenth) {
                    lastTenth = tenth;
                    say(String.format("flashing %3d%% (%d/%d bytes)", tenth * 10, done, total));
                }
                also.update(done, total);
            }

            @Override
            public void notice(String line) {
                say(line);
                also.notice(line);
            }
        };
    }
}
