package io.uconform.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    record Pin(int pin, String mode, boolean on) {
    }

    @Test
    void writesValuesInInsertionOrderWithEscapes() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", Arrays.asList("x\"y\\\n\u0001", null, true, 2.5, 7L));
        map.put("pin", new Pin(2, "out", true));
        assertThat(Json.write(map)).isEqualTo(
                "{\"z\":1,\"a\":[\"x\\\"y\\\\\\n\\u0001\",null,true,2.5,7],\"pin\":{\"pin\":2,\"mode\":\"out\",\"on\":true}}");
        assertThat(Json.write(null)).isEqualTo("null");
        assertThat(Json.write(new int[] {1, 2})).isEqualTo("[1,2]");
        assertThat(Json.write(Double.NaN)).isEqualTo("null");
    }

    @Test
    void parsesToLinkedHashMapListLongDouble() {
        Object parsed = Json.parse(" {\"b\":[1,-2.5e1,\"\\u00e9\\n\",true,false,null],\"a\":{}} ");
        assertThat(parsed).isInstanceOf(LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) parsed;
        assertThat(map.keySet()).containsExactly("b", "a");
        assertThat(map.get("b")).isEqualTo(Arrays.asList(1L, -25.0, "é\n", true, false, null));
    }

    @Test
    void roundTripsSurrogatePairs() {
        String text = Json.write("emoji \uD83D\uDE00");
        assertThat(Json.parse(text)).isEqualTo("emoji \uD83D\uDE00");
        assertThat(Json.parse("\"\\ud83d\\ude00\"")).isEqualTo("\uD83D\uDE00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"abc", "\"a\u0001\"",
        "{\"a\":1}x", "[1 2]", "\"\\x\"", "{1:2}", "nul", "+1", ".5", "1e"})
    void rejectsInvalidTextWithPosition(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class).hasMessageContaining("position");
    }

    @Test
    void deepNestingIsRejectedNotAStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(JsonException.class).hasMessageContaining("nesting");
    }

    @Test
    void hugeIntegersBecomeDoubles() {
        assertThat(Json.parse("123456789012345678901234567890")).isInstanceOf(Double.class);
        assertThat(Json.parse("9007199254740993")).isEqualTo(9007199254740993L);
    }
}
