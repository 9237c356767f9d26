package io.uconform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.profile.Profile;
import io.uconform.profile.Profiles;
import io.uconform.spi.TargetException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The profile a run claims without {@code --profile}. {@code run --target host} (any pool) exited 1
 * with 0 failed: it claimed {@code reference}, whose TLS group the reference firmware can never
 * show (it has no TLS server), so TLS was always "not verified" (and NET6 too on the default bind).
 * Nothing here starts a target.
 */
class RunProfileDefaultTest {

    @Test
    void theReferenceFirmwareClaimsTheFirmwareProfile() {
        assertThat(RunCommand.profile(null, false, "host", Map.of())).isEqualTo("firmware");
        assertThat(RunCommand.profile(null, false, "host", Map.of("interpreter", "python3"))).isEqualTo("firmware");
        assertThat(RunCommand.profile(null, false, "esp32", Map.of("virtual", "esp32"))).isEqualTo("firmware");
        assertThat(RunCommand.profile(null, false, "esp32", Map.of("port", "/dev/ttyUSB0", "app", "server/firmware")))
                .isEqualTo("firmware");
    }

    @Test
    void theFirmwareProfileClaimsNoGroupTheFirmwareCannotShow() {
        Profile firmware = Profiles.load("firmware");
        Profile reference = Profiles.load("reference");
        assertThat(reference.claims("TLS")).as("reference claims TLS").isTrue();
        assertThat(firmware.claims("TLS")).as("firmware claims TLS").isFalse();
        assertThat(firmware.claims("NET6")).as("firmware claims NET6").isFalse();
        assertThat(firmware.claims("HOME")).as("firmware claims HOME").isTrue();
    }

    @Test
    void anotherKindOrATargetsFileKeepsReference() {
        assertThat(RunCommand.profile(null, false, "sim", Map.of())).isEqualTo("reference");
        assertThat(RunCommand.profile(null, false, "url", Map.of("url", "http://127.0.0.1:1"))).isEqualTo("reference");
        assertThat(RunCommand.profile(null, true, "host", Map.of())).as("a targets file").isEqualTo("reference");
    }

    @Test
    void aGivenProfileWins() {
        assertThat(RunCommand.profile("reference", false, "host", Map.of())).isEqualTo("reference");
        assertThat(RunCommand.profile("uhttp", false, "sim", Map.of())).isEqualTo("uhttp");
    }

    @Test
    void anUnknownKindIsOneLine() {
        assertThatThrownBy(() -> RunCommand.profile(null, false, "nosuchkind", Map.of()))
                .isInstanceOf(TargetException.class).hasMessageStartingWith("unknown target kind 'nosuchkind'");
    }
}
