package io.uconform.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "basic", "BASIC", "bAsIc"})
    void schemeIsCaseInsensitive(String scheme) {
        assertThat(BasicCredentials.parse(scheme + " " + b64("u:p:w"), false))
                .contains(new Credentials("u", "p:w"));
    }

    @Test
    void caseSensitiveSchemeOnlyUnderTheFault() {
        assertThat(BasicCredentials.parse("basic " + b64("u:p"), true)).isEmpty();
        assertThat(BasicCredentials.parse("Basic " + b64("u:p"), true)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic", "Basic ", "Bearer dTpw", "Digest dTpw", "Basic dTpw!", "Basic dTp",
            "Basic dTpw=", "Basic d Tpw", "Basic ====", "Basic dXNlcg==", "Basic//dTpw",
            "Basic gICA6cA=="})
    void malformedValuesAreNoCredentials(String value) {
        assertThat(BasicCredentials.parse(value, false)).as(value).isEmpty();
    }

    @Test
    void nonCanonicalBase64IsRefused() {
        // "YTpiYQ==" is "a:ba"; "YTpiYR==" decodes to the same bytes with non-zero padding bits
        assertThat(BasicCredentials.parse("Basic " + b64("a:b"), false)).isPresent();
        assertThat(BasicCredentials.parse("Basic YTpj", false)).contains(new Credentials("a", "c"));
        assertThat(BasicCredentials.parse("Basic YTpiYR==", false)).isEmpty();
    }

    @Test
    void overLongHeaderIsRefusedNotTruncated() {
        String value = "Basic " + b64("u:" + "p".repeat(BasicCredentials.MAX_HEADER_CHARS));
        assertThat(BasicCredentials.parse(value, false)).isEmpty();
    }

    @Test
    void controlCharactersAndInvalidUtf8AreRefused() {
        assertThat(BasicCredentials.parse("Basic " + b64("u:p\u0000w"), false)).isEmpty();
        assertThat(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(new byte[] {'u', ':', (byte) 0xC0, (byte) 0xAE}), false)).isEmpty();
    }

    @Test
    void passwordIsMaskedInToString() {
        assertThat(new Credentials("u", "hunter2").toString()).doesNotContain("hunter2");
    }
}
