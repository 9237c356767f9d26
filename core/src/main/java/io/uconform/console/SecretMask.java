package io.uconform.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces every occurrence of known secrets (Wi-Fi and auth passwords) with {@code ****}, in every
 * form evidence can carry them: as typed, JSON-escaped, form- or percent-encoded, in base64 (alone
 * or inside a longer base64 text), and for credentials the base64 {@code user:password} of an HTTP
 * Basic header or an {@code ?auth=} query. Immutable. Secrets shorter than 3 characters are still
 * masked as typed (better a false mask than a leak).
 */
public final class SecretMask {

    public static final String MASK = "****";

    private final List<String> secrets;
    private final List<List<String>> credentials;
    private final Pattern pattern;

    private SecretMask(List<String> secrets, List<List<String>> credentials) {
        this.secrets = List.copyOf(secrets);
        this.credentials = List.copyOf(credentials);
        List<SecretForms.Form> forms = new ArrayList<>();
        credentials.forEach(c -> forms.addAll(SecretForms.ofCredentials(c.get(0), c.get(1))));
        secrets.forEach(s -> forms.addAll(SecretForms.of(s)));
        // at one position the longest form wins: user:password before the password alone
        this.pattern = forms.isEmpty() ? null : Pattern.compile(forms.stream()
                .sorted(Comparator.comparingInt(SecretForms.Form::length).reversed())
                .map(SecretForms.Form::regex).distinct().collect(Collectors.joining("|")));
    }

    public static SecretMask none() {
        return new SecretMask(List.of(), List.of());
    }

    public static SecretMask of(String... secrets) {
        return new SecretMask(List.of(secrets).stream().filter(Objects::nonNull)
                .filter(s -> !s.isEmpty()).distinct().toList(), List.of());
    }

    public SecretMask with(String secret) {
        if (secret == null || secret.isEmpty() || secrets.contains(secret)) {
            return this;
        }
        List<String> more = new ArrayList<>(secrets);
        more.add(secret);
        return new SecretMask(more, credentials);
    }

    /** The password in every form, and {@code user:password} as HTTP Basic encodes it. */
    public SecretMask withCredentials(String user, String password) {
        if (password == null || password.isEmpty()) {
            return this;
        }
        SecretMask withPassword = with(password);
        List<String> pair = List.of(user == null ? "" : user, password);
        if (withPassword.credentials.contains(pair)) {
            return withPassword;
        }
        List<List<String>> more = new ArrayList<>(withPassword.credentials);
        more.add(pair);
        return new SecretMask(withPassword.secrets, more);
    }

    public String apply(String text) {
        if (pattern == null || text == null || text.isEmpty()) {
            return text;
        }
        return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
    }
}
