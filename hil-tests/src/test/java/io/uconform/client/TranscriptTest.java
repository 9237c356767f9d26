package io.uconform.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.console.SecretMask;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    @Test
    void masksPasswordLikeJsonValuesAndAuthorizationCredentials() {
        Transcript t = new Transcript(SecretMask.none());
        t.sentText("http", "PUT /config HTTP/1.1\nAuthorization: Basic YWRtaW46aXN0cmF0b3I=\n\n"
                + "{\"sta\":{\"ssid\":\"home\",\"password\":\"s3cret-1\"},\"api_token\" : \"zz\\\"9\"}");
        t.sent("raw#1", "GET / HTTP/1.1\r\nauthorization: Bearer abc.def\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(t.text()).contains("\"ssid\":\"home\"", "\"password\":\"****\"", "\"api_token\" : \"****\"",
                "Authorization: Basic ****", "authorization: Bearer ****\\r\\n")
                .doesNotContain("s3cret-1", "YWRtaW46aXN0cmF0b3I=", "abc.def", "zz");
    }

    @Test
    void secretRegisteredLaterIsMaskedInEarlierEntriesToo() {
        Transcript t = new Transcript(SecretMask.none());
        t.note("the check sets wifi key hunter22");
        t.addSecret("hunter22");

        assertThat(t.text()).contains("wifi key ****").doesNotContain("hunter22");
        assertThat(t.last()).doesNotContain("hunter22");
    }
}
