package io.uconform.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProfilesTest {

    private static Profile parse(String json) throws IOException {
        return Profiles.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void onlyTheLimitsAProfileStatesAreGiven() throws IOException {
        Profile profile = parse("{\"name\":\"p\",\"groups\":[\"LIM\"],\"limits\":{\"maxHeaderBytes\":2048}}");

        assertThat(profile.givenLimits()).containsExactly("maxHeaderBytes");
        assertThat(profile.givesLimit("maxHeaderBytes")).isTrue();
        assertThat(profile.givesLimit("maxClients")).isFalse();
        assertThat(profile.limits().maxHeaderBytes()).isEqualTo(2048);
        assertThat(profile.limits().maxClients()).as("the reference default, kept for sizing waits").isEqualTo(4);
    }

    @Test
    void aProfileWithoutLimitsGivesNone() throws IOException {
        assertThat(parse("{\"name\":\"p\",\"groups\":[\"LIM\"]}").givenLimits()).isEmpty();
    }

    @Test
    void aProfileBuiltInCodeGivesEveryLimit() {
        Profile profile = new Profile("code", "", java.util.Set.of("LIM"), java.util.Map.of(), Limits.reference(),
                java.util.Map.of(), java.util.Map.of());

        assertThat(profile.givenLimits()).containsExactlyInAnyOrderElementsOf(Profile.LIMIT_NAMES);
    }

    @Test
    void aGroupWaiverWaivesEveryRequirementOfTheGroupUnlessOneHasItsOwn() throws IOException {
        Profile profile = parse("{\"name\":\"p\",\"groups\":[\"TLS\",\"KA\"],\"waivers\":{\"TLS\":\"no certificate\","
                + "\"TLS-01\":\"own reason\"}}");

        assertThat(profile.waiver("TLS-01")).contains("own reason");
        assertThat(profile.waiver("TLS-02")).contains("no certificate");
        assertThat(profile.waiver("KA-01")).isEmpty();
    }

    @Test
    void aWaiverWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> parse("{\"name\":\"p\",\"groups\":[\"KA\"],\"waivers\":{\"KA\":\" \"}}"))
                .isInstanceOf(ProfileException.class).hasMessage("profile test.json: waiver 'KA' needs a reason");
    }

    @Test
    void everyBuiltInProfileLoads() {
        for (String name : Profiles.BUILT_IN) {
            assertThat(Profiles.load(name).name()).isEqualTo(name);
        }
    }

    @Test
    void theFirmwareProfileIsTheReferenceWithoutWhatABoardCannotShow() {
        Profile reference = Profiles.load("reference");
        Profile firmware = Profiles.load("firmware");

        assertThat(firmware.groups()).doesNotContain("TLS", "NET6")
                .containsExactlyInAnyOrderElementsOf(reference.groups().stream()
                        .filter(g -> !g.equals("TLS") && !g.equals("NET6")).toList());
        assertThat(firmware.routes()).isEqualTo(reference.routes());
        assertThat(firmware.limits()).isEqualTo(reference.limits());
        assertThat(firmware.params()).isEqualTo(reference.params());
    }
}
