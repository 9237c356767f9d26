package io.uconform.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.profile.Limits;
import io.uconform.profile.Profile;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckNeedsTest {

    @Needs(routes = "ws")
    static class Declared {
        @Needs(routes = "index", limits = "maxClients", params = "ledPin")
        void check() {
        }
    }

    private static Profile profile(Map<String, String> routes, Set<String> givenLimits) {
        return new Profile("p", "", Set.of("WS"), routes, Limits.reference(), Map.of(), Map.of(), givenLimits);
    }

    @Test
    void methodAndClassNeedsAreMerged() throws NoSuchMethodException {
        CheckNeeds needs = CheckNeeds.of(Declared.class.getDeclaredMethod("check"));

        assertThat(needs.routes()).containsExactly("ws", "index");
        assertThat(needs.describe()).isEqualTo("routes: ws, index; limits: maxClients; params: ledPin");
    }

    @Test
    void unboundRolesAndMissingParametersAreOneSkipReason() throws NoSuchMethodException {
        CheckNeeds needs = CheckNeeds.of(Declared.class.getDeclaredMethod("check"));

        assertThat(needs.unmetByProfile(profile(Map.of("index", "/"), Set.of())))
                .contains("no route bound for role 'ws' in profile p; no parameter 'ledPin' in profile p");
    }

    @Test
    void anUnstatedLimitSkipsUnlessTheHarnessConfiguredTheTarget() throws NoSuchMethodException {
        CheckNeeds needs = CheckNeeds.of(Declared.class.getDeclaredMethod("check"));
        Profile silent = profile(Map.of(), Set.of());

        assertThat(needs.unmetLimits(silent, false)).contains("profile p states no limit 'maxClients' (the check "
                + "judges the server against its own, never the reference's)");
        assertThat(needs.unmetLimits(silent, true)).isEmpty();
        assertThat(needs.unmetLimits(profile(Map.of(), Set.of("maxClients")), false)).isEmpty();
    }
}
