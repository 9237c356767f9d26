package io.uconform.checks.support;

import io.uconform.client.HttpReply;
import java.util.regex.Pattern;

/** Evidence that a file-server answer came from outside its web root. */
public final class Escapes {
    private static final Pattern PASSWD = Pattern.compile("(?m)^root:[^:]*:0:0:");
    private static final Pattern ROOT_LISTING = Pattern.compile("\"(etc|usr|bin|proc)\"");

    private Escapes() {
    }

    /** A 2xx answer carrying {@code /etc/passwd} content or a listing of the file system root. */
    public static boolean leaked(HttpReply reply) {
        if (reply.status() < 200 || reply.status() > 299) {
            return false;
        }
        String body = reply.text();
        return PASSWD.matcher(body).find() || ROOT_LISTING.matcher(body).results().count() >= 3;
    }
}
