package io.uconform.checks.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.uconform.client.HttpReply;
import java.util.ArrayList;
import java.util.List;

/** Assertions on the JSON envelope of CORE-02: {@code {"data": v}} or {@code {"error": "message"}}. */
public final class Envelope {

    private Envelope() {
    }

    /** Asserts a {@code {"data": v}} body (exactly one member) and returns v. */
    public static JsonNode data(HttpReply reply) {
        JsonNode body = reply.json();
        assertThat(fieldNames(body)).as("members of the success body %s", reply.text()).containsExactly("data");
        return body.get("data");
    }

    /** Asserts a {@code {"error": "message"}} body (exactly one member, a non-empty string) and returns the message. */
    public static String error(HttpReply reply) {
        JsonNode body = reply.json();
        assertThat(fieldNames(body)).as("members of the error body %s", reply.text()).containsExactly("error");
        assertThat(body.get("error").isTextual()).as("\"error\" is a string in %s", reply.text()).isTrue();
        assertThat(body.get("error").asText()).as("error message in %s", reply.text()).isNotBlank();
        return body.get("error").asText();
    }

    /** Asserts {@code Content-Type: application/json} (parameters such as charset allowed). */
    public static void jsonContentType(HttpReply reply) {
        assertThat(reply.header("Content-Type"))
                .as("Content-Type of a %d response", reply.status())
                .hasValueSatisfying(ct -> assertThat(ct.toLowerCase(java.util.Locale.ROOT).split(";")[0].trim())
                        .isEqualTo("application/json"));
    }

    /** Status, envelope and Content-Type of a server error reply. */
    public static void errorReply(HttpReply reply, int status) {
        assertThat(reply.status()).as("status (body: %s)", reply.text()).isEqualTo(status);
        jsonContentType(reply);
        error(reply);
    }

    public static List<String> fieldNames(JsonNode node) {
        assertThat(node.isObject()).as("body is a JSON object: %s", node).isTrue();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
