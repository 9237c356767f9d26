package io.uconform.flash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A flasher stub in esptool's JSON format ({@code targets/stub_flasher/<n>/<chip>.json}): the
 * {@code text} and {@code data} segments (base64) with their load addresses, and the entry point.
 * We never ship one: it is read from the user's esptool installation or a file they name.
 *
 * @param source    the file it was read from (for messages)
 * @param textStart load address of {@code text}
 * @param text      code segment
 * @param dataStart load address of {@code data} (ignored when {@code data} is empty)
 * @param data      data segment, possibly empty
 * @param entry     where MEM_END jumps
 */
public record FlasherStub(Path source, int textStart, byte[] text, int dataStart, byte[] data, int entry) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a stub file; a {@link FlashException} naming the file and the problem when it is not one. */
    public static FlasherStub load(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw malformed(file, "not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new FlashException("cannot read the flasher stub " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw malformed(file, "not a JSON object");
        }
        byte[] text = base64(file, root, "text", true);
        byte[] data = base64(file, root, "data", false);
        return new FlasherStub(file, address(file, root, "text_start", true), text,
                address(file, root, "data_start", data.length > 0), data, address(file, root, "entry", true));
    }

    private static byte[] base64(Path file, JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw malformed(file, "field '" + field + "' is missing");
            }
            return new byte[0];
        }
        if (!node.isTextual()) {
            throw malformed(file, "field '" + field + "' is not a base64 string");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(node.asText().replaceAll("\\s", ""));
            if (required && bytes.length == 0) {
                throw malformed(file, "field '" + field + "' is empty");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw malformed(file, "field '" + field + "' is not valid base64");
        }
    }

    private static int address(Path file, JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw malformed(file, "field '" + field + "' is missing");
            }
            return 0;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > 0xFFFF_FFFFL) {
            throw malformed(file, "field '" + field + "' is not a 32-bit address");
        }
        return (int) node.asLong();
    }

    private static FlashException malformed(Path file, String what) {
        return new FlashException("malformed flasher stub " + file + ": " + what);
    }
}
