package io.uconform.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Writes a report as JUnit XML (one {@code testsuite}, a {@code testcase} per check named
 * {@code method [target]} in its check class; failures, skips with their reason), for CI systems
 * that show test results: what {@code uconform merge} writes beside the joined report.json.
 */
public final class ReportJunitXml {

    private ReportJunitXml() {
    }

    public static void write(RunReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    static String render(RunReport report) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failed = report.checks().stream().filter(c -> c.status() == CheckStatus.FAILED).count();
        long skipped = report.checks().stream().filter(c -> c.status() != CheckStatus.FAILED
                && c.status() != CheckStatus.PASSED).count();
        x.append("<testsuite name=\"uconform conformance\" tests=\"").append(report.checks().size())
                .append("\" failures=\"").append(failed).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(seconds(Duration.between(report.startedAt(), report.finishedAt()).toMillis()))
                .append("\" timestamp=\"").append(report.startedAt()).append("\">\n");
        for (CheckRecord c : report.checks()) {
            int dot = c.id().lastIndexOf('.');
            String cls = dot > 0 ? c.id().substring(0, dot) : c.id();
            String method = dot > 0 ? c.id().substring(dot + 1) : c.id();
            x.append("  <testcase classname=\"io.uconform.checks.").append(attr(cls)).append("\" name=\"")
                    .append(attr(method + " [" + c.target() + "] " + c.requirement())).append("\" time=\"")
                    .append(seconds(c.durationMs())).append('"');
            if (c.status() == CheckStatus.PASSED) {
                x.append("/>\n");
                continue;
            }
            x.append(">\n");
            if (c.status() == CheckStatus.FAILED) {
                x.append("    <failure message=\"").append(attr(firstLine(c.reason()))).append("\">")
                        .append(text(c.reason() + (c.transcript().isEmpty() ? "" : "\n\n" + c.transcript())))
                        .append("</failure>\n");
            } else {
                x.append("    <skipped message=\"").append(attr(c.status().label() + ": " + firstLine(c.reason())))
                        .append("\"/>\n");
            }
            x.append("  </testcase>\n");
        }
        return x.append("</testsuite>\n").toString();
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    /** XML 1.0 text: markup escaped, characters XML cannot carry (control bytes) shown as {@code \xNN}. */
    private static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '&') {
                b.append("&amp;");
            } else if (cp == '<') {
                b.append("&lt;");
            } else if (cp == '>') {
                b.append("&gt;");
            } else if (cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\r' || cp == 0xFFFE || cp == 0xFFFF) {
                b.append(String.format(Locale.ROOT, "\\x%02x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
