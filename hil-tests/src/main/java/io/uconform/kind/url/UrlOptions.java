package io.uconform.kind.url;

import io.uconform.spi.KindOption;
import io.uconform.spi.KindOptions;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Options of the {@code url} kind: {@code url} (required), an {@code http} or {@code https} URI
 * with a host. Immutable.
 */
record UrlOptions(URI uri) {

    /** The one option of the {@code url} kind; any other is refused. */
    static final java.util.List<KindOption> OPTIONS = java.util.List.of(
            new KindOption("url", "url", "", "the device's base URL, http:// or https:// (required)"));

    static UrlOptions from(TargetSpec given) {
        TargetSpec spec = new TargetSpec(given.kind(), KindOptions.canonical("url", OPTIONS, given.options()),
                given.profile());
        String raw = spec.requireOption("url").trim();
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new TargetException("target 'url': '" + raw + "' is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TargetException("target 'url': '" + raw + "' must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new TargetException("target 'url': '" + raw + "' has no host");
        }
        return new UrlOptions(uri);
    }

    int port() {
        return uri.getPort() > 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
    }

    /** The base without a trailing slash, so that check paths ({@code /led}) append cleanly. */
    URI base() {
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }
}
