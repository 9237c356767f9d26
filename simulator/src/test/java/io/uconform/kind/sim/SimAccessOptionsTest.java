package io.uconform.kind.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.spi.TargetException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimAccessOptionsTest {

    @Test
    void defaultsAreOffOnLoopbackWithTheReferenceCredentials() {
        SimAccessOptions access = SimOptions.parse(Map.of()).access();
        assertThat(access.cors()).isFalse();
        assertThat(access.tls()).isFalse();
        assertThat(access.bind()).isEqualTo("127.0.0.1");
        assertThat(access.authUser()).isEqualTo("admin");
        assertThat(access.toString()).doesNotContain("istrator");
    }

    @Test
    void optionsAreParsed() {
        SimAccessOptions access = SimOptions.parse(Map.of("cors", "on", "tls", "ON", "bind", "::",
                "auth-user", "root", "auth-password", "s3cret")).access();
        assertThat(access).isEqualTo(new SimAccessOptions(true, true, "::", "root", "s3cret"));
    }

    @Test
    void badValuesAreOneLine() {
        assertThatThrownBy(() -> SimOptions.parse(Map.of("cors", "yes"))).isInstanceOf(TargetException.class)
                .hasMessage("sim: cors must be 'on' or 'off', not 'yes'");
        assertThatThrownBy(() -> SimOptions.parse(Map.of("bind", "10.0.0.1")))
                .hasMessage("sim: bind must be 127.0.0.1, ::, ::1 or 0.0.0.0, not '10.0.0.1'");
    }

    @Test
    void faultsThatNeedAConfigurationSwitchItOn() {
        assertThat(SimOptions.parse(Map.of("faults", "CORS_MISSING_ON_ERRORS")).access().cors()).isTrue();
        assertThat(SimOptions.parse(Map.of("faults", "CORS_PREFLIGHT_TO_HANDLER")).access().cors()).isTrue();
        assertThat(SimOptions.parse(Map.of("faults", "NET6_V6_ONLY")).access().bind()).isEqualTo("::");
        assertThat(SimOptions.parse(Map.of("faults", "CORS_HEADER_WHEN_OFF")).access().cors()).isFalse();
    }
}
