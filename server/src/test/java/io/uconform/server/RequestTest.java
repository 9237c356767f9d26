package io.uconform.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTest {
    private static Request request(String target, String body) {
        return Request.of("POST", target, List.of(new SimpleEntry<>("Content-Type", "application/json"),
                new SimpleEntry<>("X-Multi", "1"), new SimpleEntry<>("x-multi", "2")),
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1:5000");
    }

    @Test
    void pathIsDecodedAndPlusStays() {
        Request r = request("/a%20b+c/%C3%A9?q=1", "");
        assertThat(r.path()).isEqualTo("/a b+c/é");
        assertThat(r.rawTarget()).isEqualTo("/a%20b+c/%C3%A9?q=1");
    }

    @Test
    void queryDecodesPlusAndKeepsRepeatedKeys() {
        Request r = request("/x?a=1&a=2&b=c+d%2B&flag&=v&bad=%zz", "");
        assertThat(r.query()).containsExactly(Map.entry("a", List.of("1", "2")), Map.entry("b", List.of("c d+")),
                Map.entry("flag", List.of("")), Map.entry("", List.of("v")), Map.entry("bad", List.of("%zz")));
        assertThat(r.queryParam("a")).contains("1");
        assertThat(r.queryParam("none")).isEmpty();
    }

    @Test
    void headersAreCaseInsensitive() {
        Request r = request("/", "");
        assertThat(r.header("content-type")).contains("application/json");
        assertThat(r.headers().get("X-MULTI")).containsExactly("1", "2");
    }

    @Test
    void jsonBodyErrorsAre400() {
        assertThat(request("/", "[1]").json()).isEqualTo(List.of(1L));
        assertThat(request("/", "null").json()).isNull();
        assertThatThrownBy(() -> request("/", "{").json()).isInstanceOf(HttpError.class)
                .satisfies(e -> assertThat(((HttpError) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> request("/", "").json()).isInstanceOf(HttpError.class);
    }

    @Test
    void invalidPathEncodingIs400() {
        assertThatThrownBy(() -> request("/a%zz", "")).isInstanceOf(HttpError.class);
        assertThatThrownBy(() -> request("/a%FF", "")).isInstanceOf(HttpError.class);
    }

    @Test
    void paramsComeFromTheMatchedRoute() {
        Request r = request("/gpio/4", "").withParams(Map.of("n", "4"));
        assertThat(r.param("n")).contains("4");
        assertThat(r.param("x")).isEmpty();
    }

    @Test
    void invalidRoutePatternsAreRejectedAtRegistration() {
        App app = new App("a");
        assertThatThrownBy(() -> app.route("led", r -> null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> app.route("/a/*/b", r -> null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> app.route("/a", java.util.Set.of("BREW"), r -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
