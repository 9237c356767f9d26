package io.uconform.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteSettingsTest {

    private static SuiteSettings from(Map<String, String> parameters) {
        return SuiteSettings.from(key -> Optional.ofNullable(parameters.get(key)));
    }

    @Test
    void defaultsToSimWithTheReferenceProfileAndThirtySeconds() {
        SuiteSettings settings = from(Map.of());

        assertThat(settings.selections()).singleElement()
                .isEqualTo(new TargetSelection("sim", Map.of(), "reference"));
        assertThat(settings.checkTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readsKindOptionsProfileAndTimeout() {
        SuiteSettings settings = from(Map.of("target", "url", "target.url", "http://10.0.0.7:8080",
                "target.options", "faults=A,B; custom=x=y", "profile", "http11-embedded",
                SuiteSettings.CHECK_TIMEOUT, "2.5s"));

        assertThat(settings.selections()).singleElement().isEqualTo(new TargetSelection("url",
                Map.of("url", "http://10.0.0.7:8080", "faults", "A,B", "custom", "x=y"), "http11-embedded"));
        assertThat(settings.checkTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void optionsAsJsonKeepEveryCharacterOfTheirValues() {
        Map<String, String> options = Map.of("password", "a;b=c;;d", "loopback", "2>18,4>19");

        SuiteSettings settings = from(Map.of("target", "esp32", SuiteSettings.OPTIONS_JSON, SuiteSettings.optionsJson(options)));

        assertThat(settings.selections()).singleElement().extracting(TargetSelection::options).isEqualTo(options);
        assertThatThrownBy(() -> from(Map.of(SuiteSettings.OPTIONS_JSON, "[1]")))
                .hasMessage("target.options.json must be a JSON object of strings");
    }

    @Test
    void badValuesAreOneClearLine() {
        assertThatThrownBy(() -> from(Map.of("target.options", "novalue"))).hasMessage("target option 'novalue' is not name=value");
        assertThatThrownBy(() -> from(Map.of(SuiteSettings.CHECK_TIMEOUT, "soon")))
                .hasMessage("uconform.check.timeout 'soon' is not a duration (e.g. 30 or 30s or PT30S)");
    }

    @Test
    void targetsFileListsTargetsWithTheirOwnProfilesOrTheDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        Files.writeString(file, "[{\"kind\":\"sim\"},{\"kind\":\"url\",\"options\":{\"url\":\"http://h\"},\"profile\":\"uhttp\"}]");

        assertThat(from(Map.of("targets", file.toString(), "profile", "reference")).selections()).containsExactly(
                new TargetSelection("sim", Map.of(), "reference"),
                new TargetSelection("url", Map.of("url", "http://h"), "uhttp"));
    }

    @Test
    void malformedTargetsFileIsOneClearLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        Files.writeString(file, "[{\"options\":{}}]");

        assertThatThrownBy(() -> from(Map.of("targets", file.toString())))
                .hasMessage(file + " entry 1: needs a \"kind\" string");
        assertThatThrownBy(() -> from(Map.of("targets", dir.resolve("none.json").toString())))
                .hasMessage("targets file not found: " + dir.resolve("none.json"));
    }
}
