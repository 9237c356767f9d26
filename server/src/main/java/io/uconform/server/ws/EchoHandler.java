package io.uconform.server.ws;

import io.uconform.server.Json;
import io.uconform.server.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The reference {@code /ws} behaviour: every message is echoed with its opcode, except the text
 * command {@code {"cmd":"upper","text":s}}, answered {@code {"data":S}} (s upper-cased).
 */
public final class EchoHandler implements MessageHandler {

    private final boolean binaryAsText;

    /** @param binaryAsText the WS-03 fault: binary messages are echoed as text */
    public EchoHandler(boolean binaryAsText) {
        this.binaryAsText = binaryAsText;
    }

    @Override
    public Reply onMessage(boolean text, byte[] payload) {
        if (!text) {
            return new Reply(binaryAsText, payload);
        }
        String upper = upperCommand(new String(payload, StandardCharsets.UTF_8));
        if (upper == null) {
            return new Reply(true, payload);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("data", upper);
        return new Reply(true, Json.write(reply).getBytes(StandardCharsets.UTF_8));
    }

    /** The upper-cased text of an upper command, or null when the message is not one. */
    private static String upperCommand(String message) {
        if (!message.trim().startsWith("{")) {
            return null;
        }
        Object parsed;
        try {
            parsed = Json.parse(message);
        } catch (JsonException e) {
            return null;
        }
        if (parsed instanceof Map) {
            Map<?, ?> command = (Map<?, ?>) parsed;
            if ("upper".equals(command.get("cmd")) && command.get("text") instanceof String) {
                return ((String) command.get("text")).toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }
}
