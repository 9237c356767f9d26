package io.uconform.kind.renode.monitor;

import java.util.regex.Pattern;

/**
 * Removes terminal control from monitor output: ANSI/ECMA-48 CSI sequences ({@code ESC [ ... final},
 * colours and cursor moves), OSC strings ({@code ESC ] ... BEL} or {@code ESC \}), other two-byte
 * {@code ESC} sequences, carriage returns and NULs. Renode colours its prompt and errors even with
 * {@code --plain} on some versions.
 */
public final class AnsiText {

    private static final Pattern CONTROL = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]"          // CSI
            + "|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)" // OSC
            + "|\u001B[@-Z\\\\-_]"                // two-byte escapes
            + "|[\r\u0000]");

    private AnsiText() {
    }

    public static String strip(String text) {
        return CONTROL.matcher(text).replaceAll("");
    }
}
