package io.uconform.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KindOptionsTest {

    private static final List<KindOption> DECLARED = List.of(
            new KindOption("port", "number", "0", "HTTP port, 0 = a free one"),
            new KindOption("paced-line", "true|false", "false", "hold the UART to the line rate").formerly("pacedLine"));

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream warnings = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void currentNamesPassUnchanged() {
        assertThat(KindOptions.canonical("k1", DECLARED, Map.of("port", "80", "paced-line", "true"), warnings))
                .containsExactlyInAnyOrderEntriesOf(Map.of("port", "80", "paced-line", "true"));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFormerSpellingIsRenamedWithOneDeprecationLine() {
        assertThat(KindOptions.canonical("k2", DECLARED, Map.of("pacedLine", "true"), warnings))
                .containsExactlyEntriesOf(Map.of("paced-line", "true"));
        KindOptions.canonical("k2", DECLARED, Map.of("pacedLine", "false"), warnings);

        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "uconform: target 'k2': option 'pacedLine' is deprecated, write 'paced-line'"
                        + " (the old spelling goes in the next release)");
    }

    @Test
    void anUnknownOptionIsOneLineNamingTheKnownOnes() {
        assertThatThrownBy(() -> KindOptions.canonical("k3", DECLARED, Map.of("prot", "80"), warnings))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'k3' has no option 'prot' (known: paced-line, port)");
    }

    @Test
    void bothSpellingsAtOnceAreRefused() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("paced-line", "true");
        raw.put("pacedLine", "false");
        assertThatThrownBy(() -> KindOptions.canonical("k4", DECLARED, raw, warnings))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'k4': option 'paced-line' is given twice (also as 'pacedLine'): give it once");
    }

    @Test
    void namesAreKebabCaseAndHelpIsOneLine() {
        assertThatThrownBy(() -> new KindOption("readyTimeout", "number", "30", "seconds"))
                .hasMessageContaining("not kebab-case");
        assertThatThrownBy(() -> new KindOption("ready", "regex", "", "two\nlines"))
                .hasMessageContaining("one non-empty line");
        assertThat(DECLARED.get(0).describe()).isEqualTo("port=<number>  HTTP port, 0 = a free one (default: 0)");
    }
}
