package io.uconform.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** JSON parsing for assertions: structural comparison through Jackson trees. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode parse(HttpReply reply) {
        try {
            return MAPPER.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("expected a JSON body but got (" + reply.body().length + " bytes): "
                    + abbreviate(reply.text()), e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + abbreviate(text), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
