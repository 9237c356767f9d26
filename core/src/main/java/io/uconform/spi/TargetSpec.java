package io.uconform.spi;

import io.uconform.profile.Profile;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked for: a kind, its raw options ({@code --target url --option url=http://...},
 * or one line of a targets file) and the profile the target claims. Each kind parses the raw
 * options into its own typed, immutable options record.
 */
public record TargetSpec(String kind, Map<String, String> options, Profile profile) {

    public TargetSpec {
        Objects.requireNonNull(kind, "kind");
        options = Map.copyOf(options);
        Objects.requireNonNull(profile, "profile");
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** The option's value, or a {@link TargetException} naming the missing option. */
    public String requireOption(String name) {
        return option(name).orElseThrow(() -> new TargetException(
                "target '" + kind + "' needs the option '" + name + "'"));
    }
}
