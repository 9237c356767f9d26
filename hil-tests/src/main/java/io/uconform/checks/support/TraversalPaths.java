package io.uconform.checks.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Path suffixes that try to climb out of a web root to {@code /etc/passwd} (or list {@code /}):
 * {@code ..} as is, percent, upper-case, mixed, double-encoded and overlong-UTF-8 encoded, joined
 * by {@code /}, {@code %2f}, backslashes, {@code %5c}, overlong slashes and doubled slashes, plus
 * NUL tricks and absolute paths. Ten levels up reach {@code /} from any realistic web root depth.
 */
public final class TraversalPaths {
    private static final int LEVELS = 10;

    private TraversalPaths() {
    }

    public static List<String> toPasswd() {
        String[] dots = {"..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%c0%ae%c0%ae", "%252e%252e", "..%00", "...."};
        String[] slashes = {"/", "%2f", "%2F", "%5c", "\\", "%c0%af", "%252f", "//"};
        List<String> paths = new ArrayList<>();
        for (String dot : dots) {
            for (String slash : slashes) {
                paths.add((dot + slash).repeat(LEVELS) + "etc" + slash + "passwd");
            }
        }
        paths.add("sub/" + "../".repeat(LEVELS + 1) + "etc/passwd");
        paths.add("./" + "../".repeat(LEVELS) + "etc/passwd");
        paths.add("..;/".repeat(LEVELS) + "etc/passwd");
        paths.add("/etc/passwd");
        paths.add("%2fetc%2fpasswd");
        paths.add("//etc//passwd");
        paths.add("../".repeat(LEVELS) + "etc/passwd%00.txt");
        paths.add("../".repeat(LEVELS));
        paths.add("%2e%2e%2f".repeat(LEVELS));
        paths.add("..%5c".repeat(LEVELS));
        return paths;
    }

    /** Upload names that try to land outside the web root. */
    public static List<String> uploadNames(String baseName) {
        List<String> names = new ArrayList<>();
        for (String up : List.of("../", "%2e%2e/", "..%2f", "%2e%2e%2f", "..%5c", "..\\", "%c0%ae%c0%ae/", "sub/../../",
                "%252e%252e%252f", "....//", "//", "%2f")) {
            names.add(up + baseName);
            names.add(up.repeat(3) + baseName);
        }
        return names;
    }
}
