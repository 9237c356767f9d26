package io.uconform.flash;

import java.io.PrintStream;

/** A one-line text progress bar for the CLI: {@code Writing [#####.....]  52% 786432/1507328}. */
public final class TextProgressBar implements FlashProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private int lastPercent = -1;

    public TextProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void update(long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        out.print("\r" + render(done, total));
        if (done >= total) {
            out.println();
        }
        out.flush();
    }

    @Override
    public void notice(String line) {
        out.println(line);
        out.flush();
    }

    static String render(long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        int filled = percent * WIDTH / 100;
        return "Writing [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format("%3d%% %d/%d", percent, done, total);
    }
}
