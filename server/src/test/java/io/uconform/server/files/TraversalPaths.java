package io.uconform.server.files;

import java.util.ArrayList;
import java.util.List;

/**
 * Request-path suffixes (after {@code /files/}) that try to reach {@code outside/secret.txt}, the
 * sibling {@code www-evil.txt} or {@code /etc/passwd} from the web root {@code www}: plain, percent
 * and double encoded dots and slashes, backslashes, overlong UTF-8, NUL, doubled slashes.
 */
final class TraversalPaths {
    private TraversalPaths() {
    }

    static List<String> all() {
        List<String> paths = new ArrayList<>();
        String[] dots = {"..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%c0%ae%c0%ae", "%e0%80%ae%e0%80%ae", "%252e%252e",
            "..%00", "%00..", "...", "..;"};
        String[] slashes = {"/", "%2f", "%2F", "%5c", "\\", "%c0%af", "%252f", "//", "%c1%9c"};
        for (String dot : dots) {
            for (String slash : slashes) {
                paths.add(dot + slash + "outside" + slash + "secret.txt");
            }
        }
        paths.add("../www-evil.txt");
        paths.add("..%2fwww-evil.txt");
        paths.add("sub/../../outside/secret.txt");
        paths.add("sub/%2e%2e/%2e%2e/outside/secret.txt");
        paths.add("./../outside/secret.txt");
        paths.add(".//..//outside//secret.txt");
        paths.add("index.html/../../outside/secret.txt");
        paths.add("/outside/secret.txt");
        paths.add("%2foutside%2fsecret.txt");
        paths.add("../../../../../../../../etc/passwd");
        paths.add("%2e%2e%2f".repeat(10) + "etc%2fpasswd");
        paths.add("..%5c..%5c..%5c..%5c..%5c..%5cetc%5cpasswd");
        paths.add("//etc/passwd");
        paths.add("%2fetc%2fpasswd");
        paths.add("..");
        paths.add("../");
        paths.add("%2e%2e/");
        paths.add("..%2f");
        paths.add("../outside/");
        paths.add("%2e%2e%2foutside%2f");
        paths.add("C:%5cWindows%5cwin.ini");
        paths.add("index.html%00.txt");
        return paths;
    }
}
