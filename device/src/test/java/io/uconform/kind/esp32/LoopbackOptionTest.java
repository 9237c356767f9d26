package io.uconform.kind.esp32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.probe.LoopbackWires;
import io.uconform.profile.Limits;
import io.uconform.profile.Profile;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetKinds;
import io.uconform.spi.TargetSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The esp32 option {@code loopback}: jumper wires for the board probe. */
class LoopbackOptionTest {

    private static final Profile PLAIN = new Profile("plain", "", Set.of(), Map.of(), Limits.reference(), Map.of(),
            Map.of());

    @Test
    void wiresAreParsedWithTheProfilesGpioRoute() {
        Esp32TargetOptions options = parse(Map.of("port", "/dev/ttyUSB0", "loopback", "2>18,4>19,21>0"), PLAIN);
        assertThat(options.loopback()).contains(new LoopbackBench(LoopbackWires.parse("2>18,4>19,21>0"), "/gpio"));

        Profile rebound = new Profile("rebound", "", Set.of(), Map.of("gpio", "/api/pins"), Limits.reference(),
                Map.of(), Map.of());
        assertThat(parse(Map.of("port", "/dev/ttyUSB0", "loopback", "2>18"), rebound).loopback())
                .map(LoopbackBench::gpioRoute).contains("/api/pins");
    }

    @Test
    void withoutTheOptionThereIsNoBenchAndARealBoardsProbeSaysWhichOptionToSet() {
        assertThat(parse(Map.of("port", "/dev/ttyUSB0"), PLAIN).loopback()).isEmpty();
        BoardConnection serial = BoardConnection.serial(() -> {
            throw new java.io.IOException("no board here");
        }, Optional.empty());
        assertThat(serial.probe().unavailableReason()).get().asString()
                .startsWith("no wired loopback pins declared (option loopback=").contains("device/README.md");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "2>x", "a>b", "2>18,18>5", "2>18,2>19", "4>4", "2>18;21>0"})
    void aMalformedValueIsOneLineNamingTheOption(String value) {
        assertThatThrownBy(() -> parse(Map.of("port", "/dev/ttyUSB0", "loopback", value), PLAIN))
                .isInstanceOf(TargetException.class).hasMessageStartingWith("esp32: option loopback: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theKindReportsAMalformedValueAsUnavailableWithTheSameLine() {
        TargetSpec spec = new TargetSpec("esp32", Map.of("virtual", "esp32", "loopback", "2>2"), PLAIN);
        assertThat(TargetKinds.require("esp32").availability(spec).reason())
                .isEqualTo("esp32: option loopback: wire 2>2 connects pin 2 to itself");
    }

    private static Esp32TargetOptions parse(Map<String, String> options, Profile profile) {
        return Esp32TargetOptions.parse(new TargetSpec("esp32", options, profile), Map.of());
    }
}
