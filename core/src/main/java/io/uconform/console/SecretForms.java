package io.uconform.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The forms in which a secret travels in evidence, each as a regular expression: as typed, JSON
 * escaped, form- and percent-encoded (hex digits in either case), and in base64 (standard and URL
 * alphabet, with or without padding, and at each of the three byte alignments, so that the secret
 * is found inside the base64 of a longer text such as {@code user:password}).
 */
final class SecretForms {

    /** Base64 runs shorter than this are not masked on their own (too many false matches in other base64). */
    static final int MIN_BASE64_CORE = 4;

    private SecretForms() {
    }

    /** A form and the length of the text it matches (longer forms are tried first). */
    record Form(String regex, int length) {
    }

    static List<Form> of(String secret) {
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        List<Form> forms = new ArrayList<>();
        forms.add(new Form(Pattern.quote(secret), secret.length()));
        for (String encoded : List.of(json(secret, false), json(secret, true), percent(utf8, true, true),
                percent(utf8, false, true), percent(utf8, false, false))) {
            if (!encoded.equals(secret)) {
                add(forms, escapesInEitherCase(encoded), encoded.length());
            }
        }
        String base64 = Base64.getEncoder().encodeToString(utf8);
        add(forms, Pattern.quote(base64), base64.length());
        add(forms, Pattern.quote(Base64.getUrlEncoder().encodeToString(utf8)), base64.length());
        for (int align = 0; align < 3; align++) {
            String core = base64Core(utf8, align);
            if (core.length() >= MIN_BASE64_CORE) {
                add(forms, Pattern.quote(core), core.length());
                add(forms, Pattern.quote(core.replace('+', '-').replace('/', '_')), core.length());
            }
        }
        return forms;
    }

    /** {@code user:password} as HTTP Basic carries it, in both base64 alphabets, with or without padding. */
    static List<Form> ofCredentials(String user, String password) {
        byte[] pair = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        String standard = Base64.getEncoder().encodeToString(pair);
        List<Form> forms = new ArrayList<>();
        String url = Base64.getUrlEncoder().encodeToString(pair);
        for (String encoded : List.of(standard, url, standard.replace("=", ""), url.replace("=", ""))) {
            add(forms, Pattern.quote(encoded), encoded.length());
        }
        return forms;
    }

    private static void add(List<Form> forms, String regex, int length) {
        if (forms.stream().noneMatch(f -> f.regex().equals(regex))) {
            forms.add(new Form(regex, length));
        }
    }

    /**
     * The base64 characters that depend on the secret's bytes only, when the secret starts at byte
     * offset {@code align} (mod 3) of a longer encoded text: characters {@code ceil(8a/6)} up to
     * {@code floor(8(a+n)/6)}.
     */
    static String base64Core(byte[] secret, int align) {
        byte[] shifted = new byte[align + secret.length];
        System.arraycopy(secret, 0, shifted, align, secret.length);
        String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
        int from = (8 * align + 5) / 6;
        int to = Math.min(encoded.length(), 8 * (align + secret.length) / 6);
        return from >= to ? "" : encoded.substring(from, to);
    }

    /** The secret inside a JSON string: quotes, backslashes and controls escaped; optionally non-ASCII as {@code \\uXXXX}. */
    private static String json(String secret, boolean asciiOnly) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (asciiOnly && c > 0x7e)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Percent-encoding: {@code form} as HTML forms and {@code URLEncoder} do (space as {@code +}),
     * else RFC 3986 (unreserved characters kept); {@code keepUnreserved=false}: every byte as {@code %XX}.
     */
    private static String percent(byte[] utf8, boolean form, boolean keepUnreserved) {
        StringBuilder out = new StringBuilder();
        for (byte value : utf8) {
            int b = value & 0xff;
            boolean unreserved = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '-' || b == '.' || b == '_' || (form ? b == '*' : b == '~');
            if (keepUnreserved && unreserved) {
                out.append((char) b);
            } else if (keepUnreserved && form && b == ' ') {
                out.append('+');
            } else {
                out.append(String.format("%%%02X", b));
            }
        }
        return out.toString();
    }

    /** A literal regex of {@code encoded} whose {@code %XX} and {@code \\uXXXX} hex digits match either case. */
    private static String escapesInEitherCase(String encoded) {
        StringBuilder regex = new StringBuilder();
        int hexLeft = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (hexLeft > 0 && Character.isLetterOrDigit(c)) {
                hexLeft--;
                regex.append(Character.isLetter(c)
                        ? "[" + Character.toLowerCase(c) + Character.toUpperCase(c) + "]" : String.valueOf(c));
                continue;
            }
            hexLeft = 0;
            if (c == '%') {
                hexLeft = 2;
            } else if (c == '\\' && i + 1 < encoded.length() && encoded.charAt(i + 1) == 'u') {
                regex.append("\\\\u");
                i++;
                hexLeft = 4;
                continue;
            }
            regex.append(Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }
}
