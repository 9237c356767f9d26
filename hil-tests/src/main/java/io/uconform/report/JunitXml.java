package io.uconform.report;

import io.uconform.console.VisibleText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * JUnit XML of a report, in the Ant/Surefire form CI tools read; written for an interrupted run
 * (a normal run's comes from JUnit's own listener), with the property {@code uconform.interrupted}.
 */
public final class JunitXml {

    private JunitXml() {
    }

    public static void write(RunReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    static String render(RunReport report) {
        long failures = report.checks().stream().filter(c -> c.status() == CheckStatus.FAILED).count();
        long skipped = report.checks().stream().filter(c -> c.status() != CheckStatus.FAILED
                && c.status() != CheckStatus.PASSED).count();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"uconform\" tests=\"").append(report.checks().size()).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" skipped=\"").append(skipped).append("\" time=\"")
                .append(seconds(Duration.between(report.startedAt(), report.finishedAt()).toMillis()))
                .append("\" timestamp=\"").append(attr(report.startedAt().toString())).append("\">\n<properties>\n");
        if (report.wasInterrupted()) {
            x.append("<property name=\"uconform.interrupted\" value=\"").append(attr(report.interrupted())).append("\"/>\n");
        }
        x.append("</properties>\n");
        for (CheckRecord c : report.checks()) {
            int dot = c.id().lastIndexOf('.');
            x.append("<testcase classname=\"").append(attr(dot > 0 ? c.id().substring(0, dot) : c.id()))
                    .append("\" name=\"").append(attr((dot > 0 ? c.id().substring(dot + 1) : c.id()) + " [" + c.target() + "]"))
                    .append("\" time=\"").append(seconds(c.durationMs())).append('"');
            if (c.status() == CheckStatus.PASSED) {
                x.append("/>\n");
            } else if (c.status() == CheckStatus.FAILED) {
                x.append(">\n<failure message=\"").append(attr(c.reason())).append("\"/>\n</testcase>\n");
            } else {
                x.append(">\n<skipped message=\"").append(attr(c.status().label() + ": " + c.reason())).append("\"/>\n</testcase>\n");
            }
        }
        return x.append("</testsuite>\n").toString();
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /** An attribute value: escaped, control bytes visible (XML 1.0 allows none of them). */
    private static String attr(String raw) {
        return ReportHtml.esc(VisibleText.of(raw)).replace("\n", "&#10;").replace("\t", "&#9;");
    }
}
