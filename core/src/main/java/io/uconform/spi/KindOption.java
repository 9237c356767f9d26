package io.uconform.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One option a {@link TargetKind} takes ({@code --option NAME=VALUE}, or a targets file entry's
 * {@code options}). Names are kebab-case ({@code ready-timeout}, {@code paced-line}); a name the
 * option had before ({@code pacedLine}) is still accepted, with one deprecation line on stderr,
 * see {@link KindOptions#canonical}. Immutable.
 *
 * @param name         kebab-case name, e.g. {@code boot-timeout-seconds}
 * @param type         what the value is, for help: {@code number}, {@code on|off}, {@code path}, {@code url}, ...
 * @param defaultValue the value when the option is absent, as the user would write it; empty: none
 * @param help         one line of help
 * @param formerNames  earlier spellings, accepted with a deprecation line
 */
public record KindOption(String name, String type, String defaultValue, String help, List<String> formerNames) {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public KindOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(help, "help");
        if (!KEBAB.matcher(name).matches()) {
            throw new IllegalArgumentException("option name '" + name + "' is not kebab-case (e.g. ready-timeout)");
        }
        if (help.isBlank() || help.contains("\n")) {
            throw new IllegalArgumentException("option '" + name + "': help must be one non-empty line");
        }
        formerNames = List.copyOf(formerNames);
    }

    public KindOption(String name, String type, String defaultValue, String help) {
        this(name, type, defaultValue, help, List.of());
    }

    /** This option, also accepted under an earlier spelling (with a deprecation line). */
    public KindOption formerly(String formerName) {
        List<String> names = new ArrayList<>(formerNames);
        names.add(formerName);
        return new KindOption(name, type, defaultValue, help, names);
    }

    /** One line for help texts: {@code name=<type>  help (default: value)}. */
    public String describe() {
        return name + "=<" + type + ">  " + help + (defaultValue.isEmpty() ? "" : " (default: " + defaultValue + ")");
    }
}
