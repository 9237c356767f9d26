package io.uconform.server.internal;

import io.uconform.server.App;
import java.util.Locale;

/**
 * The parts of a request line, validated in this order: shape (400), version form (400),
 * version support (505, ERR-02), target length (414, LIM-02), target form (400),
 * method (501 for unknown or lowercase tokens, METH-02).
 */
record RequestLine(String method, String target, String version) {

    static RequestLine parse(String line, int maxTargetBytes, boolean acceptHigherVersions,
                             boolean acceptLowercaseMethods) throws ProtocolError {
        int first = line.indexOf(' ');
        int last = line.lastIndexOf(' ');
        if (first <= 0 || last == first || last == line.length() - 1) {
            throw new ProtocolError(400, "malformed request line");
        }
        String method = line.substring(0, first);
        String target = line.substring(first + 1, last);
        String version = line.substring(last + 1);
        if (target.isEmpty() || target.indexOf(' ') >= 0 || !Tokens.isToken(method)) {
            throw new ProtocolError(400, "malformed request line");
        }
        String supported = supportedVersion(version, acceptHigherVersions);
        if (target.length() > maxTargetBytes) {
            throw new ProtocolError(414, "request target exceeds " + maxTargetBytes + " bytes");
        }
        checkTargetForm(method, target);
        return new RequestLine(knownMethod(method, acceptLowercaseMethods), target, supported);
    }

    private static String supportedVersion(String version, boolean acceptHigher) throws ProtocolError {
        if (version.length() != 8 || !version.startsWith("HTTP/") || version.charAt(6) != '.'
                || !Character.isDigit(version.charAt(5)) || !Character.isDigit(version.charAt(7))) {
            throw new ProtocolError(400, "malformed HTTP version '" + Tokens.printable(version) + "'");
        }
        if ("HTTP/1.1".equals(version) || "HTTP/1.0".equals(version)) {
            return version.substring(5);
        }
        if (acceptHigher && version.charAt(5) >= '2') {
            return "1.1";
        }
        throw new ProtocolError(505, "HTTP version " + version.substring(5) + " is not supported; use 1.1 or 1.0");
    }

    private static void checkTargetForm(String method, String target) throws ProtocolError {
        if (target.startsWith("/")) {
            return;
        }
        if ("*".equals(target)) {
            if (!"OPTIONS".equals(method)) {
                throw new ProtocolError(400, "'*' is a request target only for OPTIONS");
            }
            return;
        }
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return;
        }
        throw new ProtocolError(400, "request target must start with '/': " + Tokens.printable(target));
    }

    private static String knownMethod(String method, boolean acceptLowercase) throws ProtocolError {
        if (App.ANY.contains(method)) {
            return method;
        }
        String upper = method.toUpperCase(Locale.ROOT);
        if (acceptLowercase && App.ANY.contains(upper)) {
            return upper;
        }
        throw new ProtocolError(501, "method " + Tokens.printable(method) + " is not implemented");
    }

    /** The origin-form path and query of the target (absolute-form reduced to its path). */
    String originForm() {
        if (target.startsWith("/") || "*".equals(target)) {
            return target;
        }
        int slash = target.indexOf('/', target.indexOf("//") + 2);
        int query = target.indexOf('?', target.indexOf("//") + 2);
        if (slash < 0 || (query >= 0 && query < slash)) {
            return "/" + (query >= 0 ? target.substring(query) : "");
        }
        return target.substring(slash);
    }
}
