package io.uconform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void masksTheBasicCredentialsOfAQueryParameterAndAHeader() {
        SecretMask mask = SecretMask.none().withCredentials("admin", "istrator");

        assertThat(mask.apply("GET /api/whoami?auth=YWRtaW46aXN0cmF0b3I= HTTP/1.1"))
                .isEqualTo("GET /api/whoami?auth=**** HTTP/1.1");
        assertThat(mask.apply("Authorization: Basic YWRtaW46aXN0cmF0b3I")).isEqualTo("Authorization: Basic ****");
    }

    @Test
    void masksThePasswordInsideTheBase64OfAnyUser() {
        SecretMask mask = SecretMask.of("istrator");

        for (String user : new String[] {"admin", "mallory", "x", "ab"}) {
            String encoded = base64(user + ":istrator");
            assertThat(mask.apply(encoded)).as("base64 of %s:istrator", user)
                    .contains(SecretMask.MASK).doesNotContain(encoded);
            assertThat(mask.apply(encoded).replace(SecretMask.MASK, "")).as("what is left of %s", encoded)
                    .hasSizeLessThanOrEqualTo(encoded.length() - 8);
        }
    }

    @Test
    void masksBase64OfThePasswordAloneInBothAlphabetsWithAndWithoutPadding() {
        String secret = "s3cr>t?~";
        SecretMask mask = SecretMask.of(secret);
        String standard = base64(secret);
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8));

        assertThat(standard).isNotEqualTo(url);
        assertThat(mask.apply("token=" + standard + ";")).isEqualTo("token=****;");
        assertThat(mask.apply("t=" + url)).doesNotContain(url.substring(0, 8));
    }

    @Test
    void masksUrlEncodedAndPercentEncodedFormsInEitherCase() {
        String secret = "p@ss word/ü";
        SecretMask mask = SecretMask.of(secret);
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        StringBuilder everyByte = new StringBuilder();
        for (byte b : secret.getBytes(StandardCharsets.UTF_8)) {
            everyByte.append(String.format("%%%02x", b & 0xff));
        }

        assertThat(form).isEqualTo("p%40ss+word%2F%C3%BC");
        assertThat(mask.apply("password=" + form + "&x=1")).isEqualTo("password=****&x=1");
        assertThat(mask.apply("password=" + form.toLowerCase() + "&x=1")).isEqualTo("password=****&x=1");
        assertThat(mask.apply("/p%40ss%20word%2F%C3%BC")).isEqualTo("/****");
        assertThat(mask.apply("?" + everyByte)).isEqualTo("?****");
        assertThat(mask.apply("?" + everyByte.toString().toUpperCase())).isEqualTo("?****");
    }

    @Test
    void masksJsonEscapedForms() {
        SecretMask mask = SecretMask.of("a\"b\\cé");

        assertThat(mask.apply("{\"password\":\"a\\\"b\\\\cé\"}")).isEqualTo("{\"password\":\"****\"}");
        assertThat(mask.apply("{\"p\":\"a\\\"b\\\\c\\u00e9\"}")).isEqualTo("{\"p\":\"****\"}");
        assertThat(mask.apply("{\"p\":\"a\\\"b\\\\c\\u00E9\"}")).isEqualTo("{\"p\":\"****\"}");
    }

    @Test
    void leavesOtherTextAloneAndMasksShortSecretsAsTyped() {
        SecretMask mask = SecretMask.of("ab");

        assertThat(mask.apply("GET / HTTP/1.1")).isEqualTo("GET / HTTP/1.1");
        assertThat(mask.apply("xaby")).isEqualTo("x****y");
        assertThat(SecretMask.none().apply("YWRtaW46aXN0cmF0b3I=")).isEqualTo("YWRtaW46aXN0cmF0b3I=");
    }

    @Test
    void base64CoreIsTheSecretsOwnCharactersAtEachAlignment() {
        byte[] secret = "istrator".getBytes(StandardCharsets.US_ASCII);
        for (int align = 0; align < 3; align++) {
            String core = SecretForms.base64Core(secret, align);
            for (String prefix : new String[] {"", "x", "xy", "xyz", "wxyz"}) {
                if (prefix.length() % 3 == align) {
                    assertThat(base64(prefix + "istrator" + "tail")).as("alignment %d, prefix '%s'", align, prefix)
                            .contains(core);
                }
            }
            assertThat(core).hasSizeGreaterThanOrEqualTo(SecretForms.MIN_BASE64_CORE);
        }
    }
}
