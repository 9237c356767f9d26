package io.uconform.server;

import io.uconform.server.internal.JsonParser;
import io.uconform.server.internal.JsonWriter;

/**
 * Minimal JSON for the dependency-free server.
 *
 * <p>{@link #write} accepts Map (insertion order kept, keys via {@code toString}), Iterable, arrays,
 * records (component order), String, Number, Boolean, Character, Enum and null. {@link #parse} returns
 * LinkedHashMap for objects, List for arrays, Long or Double for numbers, String, Boolean or null.
 */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        return JsonWriter.write(value);
    }

    /** @throws JsonException with the position of the first problem */
    public static Object parse(String text) {
        return new JsonParser(text).parseDocument();
    }
}
