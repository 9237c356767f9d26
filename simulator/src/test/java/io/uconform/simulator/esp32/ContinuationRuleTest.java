package io.uconform.simulator.esp32;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The friendly REPL's "... " rule, case by case as the board shows it. */
class ContinuationRuleTest {

    @Test
    void aSimpleStatementRunsAtOnce() {
        assertThat(ContinuationRule.continues("1+1")).isFalse();
        assertThat(ContinuationRule.continues("x = 'a(b'")).isFalse();
        assertThat(ContinuationRule.continues("iffy = 1")).isFalse(); // "if" must be a whole word
        assertThat(ContinuationRule.continues("")).isFalse();
    }

    @Test
    void compoundStatementsContinueUntilAnEmptyLine() {
        assertThat(ContinuationRule.continues("for i in range(2):")).isTrue();
        assertThat(ContinuationRule.continues("for i in range(2):\n  print(i)")).isTrue();
        assertThat(ContinuationRule.continues("for i in range(2):\n  print(i)\n")).isFalse();
        assertThat(ContinuationRule.continues("@micropython.native")).isTrue();
        assertThat(ContinuationRule.continues("async def f():")).isTrue();
    }

    @Test
    void openBracketsTripleQuotesAndBackslashesContinue() {
        assertThat(ContinuationRule.continues("f(1,")).isTrue();
        assertThat(ContinuationRule.continues("d = {'a': [1,")).isTrue();
        assertThat(ContinuationRule.continues("f(1,\n2)")).isFalse();
        assertThat(ContinuationRule.continues("s = '''abc")).isTrue();
        assertThat(ContinuationRule.continues("s = '''abc\ndef'''")).isFalse();
        assertThat(ContinuationRule.continues("x = 1 + \\")).isTrue();
        assertThat(ContinuationRule.continues("s = 'it\\'s ('")).isFalse(); // the bracket is inside the string
    }
}
