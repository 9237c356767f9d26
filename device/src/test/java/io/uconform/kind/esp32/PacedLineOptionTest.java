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
        assertThat(parse(Map.of("virtual", "esp32", "pacedLine", "true")).pacedLine()).isTrue();
    }

    @Test
    void anythingButTrueOrFalseIsOneErrorLine() {
        assertThatThrownBy(() -> parse(Map.of("virtual", "esp32", "pacedLine", "yes")))
                .isInstanceOf(TargetException.class)
                .hasMessage("esp32: option pacedLine must be true or false, got 'yes'");
    }

    @Test
    void anUnknownOptionIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> parse(Map.of("virtual", "esp32", "lopback", "2>18")))
                .isInstanceOf(TargetException.class)
                .hasMessage("esp32: no option 'lopback' (known: app, baud, bootTimeoutSeconds, chip, credentials, heap, image,"
                        + " interpreter, loopback, pacedLine, port, ready, stub, tcp, vidpid, virtual)");
    }
}
