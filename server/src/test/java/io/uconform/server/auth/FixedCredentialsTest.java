package io.uconform.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixedCredentialsTest {
    private final FixedCredentials check = FixedCredentials.of(() -> new Credentials("admin", "pässwörd"));

    @Test
    void onlyTheExactPairIsTrue() {
        assertThat(check.check("admin", "pässwörd")).isEqualTo(Boolean.TRUE);
        assertThat(check.check("admin", "pässwör")).isEqualTo(Boolean.FALSE);
        assertThat(check.check("admin", "pässwörd!")).isEqualTo(Boolean.FALSE);
        assertThat(check.check("Admin", "pässwörd")).isEqualTo(Boolean.FALSE);
        assertThat(check.check("admin", "passwoerd")).isEqualTo(Boolean.FALSE);
        assertThat(check.check("", "")).isEqualTo(Boolean.FALSE);
    }

    @Test
    void noConfiguredPasswordLetsNobodyIn() {
        FixedCredentials open = FixedCredentials.of(() -> new Credentials("admin", ""));
        assertThat(open.check("admin", "")).isEqualTo(Boolean.FALSE);
        assertThat(FixedCredentials.of(() -> null).check("admin", "x")).isEqualTo(Boolean.FALSE);
    }

    @Test
    void anyUserFaultIgnoresOnlyTheUser() {
        FixedCredentials faulty = FixedCredentials.ignoringUser(() -> new Credentials("admin", "pw"));
        assertThat(faulty.check("mallory", "pw")).isEqualTo(Boolean.TRUE);
        assertThat(faulty.check("mallory", "p")).isEqualTo(Boolean.FALSE);
    }

    @Test
    void changedConfigurationTakesEffectAtOnce() {
        String[] password = {"old"};
        FixedCredentials live = FixedCredentials.of(() -> new Credentials("admin", password[0]));
        assertThat(live.check("admin", "old")).isEqualTo(Boolean.TRUE);
        password[0] = "new";
        assertThat(live.check("admin", "old")).isEqualTo(Boolean.FALSE);
        assertThat(live.check("admin", "new")).isEqualTo(Boolean.TRUE);
    }
}
