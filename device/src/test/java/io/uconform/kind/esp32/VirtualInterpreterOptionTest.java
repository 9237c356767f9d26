package io.uconform.kind.esp32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.profile.Profiles;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VirtualInterpreterOptionTest {

    private static VirtualInterpreter parse(Map<String, String> options) {
        return VirtualInterpreter.parse(new TargetSpec("esp32", options, Profiles.load("reference")));
    }

    @Test
    void theUnixPortWhenThereWithTheHeapOfABoardWithoutPsram() {
        assertThat(parse(Map.of("virtual", "esp32"))).isEqualTo(new VirtualInterpreter("auto", "128K"));
        assertThat(parse(Map.of("virtual", "esp32", "interpreter", "micropython", "heap", "96K")))
                .isEqualTo(new VirtualInterpreter("micropython", "96K"));
    }

    @Test
    void anUnknownInterpreterOrABadHeapIsOneErrorLine() {
        assertThatThrownBy(() -> parse(Map.of("virtual", "esp32", "interpreter", "pypy")))
                .isInstanceOf(TargetException.class)
                .hasMessage("esp32: option interpreter must be auto, micropython or python3, not 'pypy'");
        assertThatThrownBy(() -> parse(Map.of("virtual", "esp32", "heap", "lots")))
                .isInstanceOf(TargetException.class)
                .hasMessage("esp32: option heap must look like 128K or 2M, not 'lots'");
    }
}
