package io.uconform.kind.esp32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.profile.Profiles;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PacedLineOptionTest {

    private static Esp32TargetOptions parse(Map<String, String> options) {
        return Esp32TargetOptions.parse(new TargetSpec("esp32", options, Profiles.load("reference")), Map.of());
    }

    @Test
    void theLineRunsUnpacedUnlessAsked() {
        assertThat(parse(Map.of("virtual", "esp32")).pacedLine()).isFalse();
        assertThat(parse(Map.of("virtual", "esp32", "paced-line", "true")).pacedLine()).isTrue();
    }

    @Test
    void theFormerSpellingsStillWork() {
        Esp32TargetOptions options = parse(Map.of("virtual", "esp32", "pacedLine", "true", "bootTimeoutSeconds", "7"));
        assertThat(options.pacedLine()).isTrue();
        assertThat(options.bootTimeout()).hasSeconds(7);
    }

    @Test
    void anythingButTrueOrFalseIsOneErrorLine() {
        assertThatThrownBy(() -> parse(Map.of("virtual", "esp32", "paced-line", "yes")))
                .isInstanceOf(TargetException.class)
                .hasMessage("esp32: option paced-line must be true or false, got 'yes'");
    }

    @Test
    void anUnknownOptionIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> parse(Map.of("virtual", "esp32", "lopback", "2>18")))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'esp32' has no option 'lopback' (known: app, baud, boot-timeout-seconds, chip, credentials,"
                        + " heap, image, interpreter, loopback, paced-line, port, ready, stub, tcp, vidpid, virtual)");
    }
}
