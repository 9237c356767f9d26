package io.uconform.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleTextTest {

    @Test
    void controlBytesBecomeEscapes() {
        assertThat(VisibleText.of("a\u001b]0;owned\u0007b\u001b[2J")).isEqualTo("a\\x1b]0;owned\\x07b\\x1b[2J");
        assertThat(VisibleText.of("x\ry\u007f\u009b31m\u0000")).isEqualTo("x\\ry\\x7f\\x9b31m\\x00");
        assertThat(VisibleText.of("admin\u202etxt.exe")).isEqualTo("admin\\u202etxt.exe");
    }

    @Test
    void lineFeedsTabsAndOrdinaryTextStayAndRenderingIsIdempotent() {
        String text = "line 1\n\tline 2 é ✓";
        assertThat(VisibleText.of(text)).isSameAs(text);
        String once = VisibleText.of("\u001b[31mred");
        assertThat(VisibleText.of(once)).isEqualTo(once);
        assertThat(VisibleText.oneLine("a\nb\tc\u0007")).isEqualTo("a\\nb\\tc\\x07");
    }
}
