package io.uconform.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code report.html}: one self-contained page (inline CSS, no scripts, no external
 * assets) with the summary, the requirement x target matrix, counts per group, and every failed
 * check with its transcript and console lines. Everything from the target is HTML-escaped, and
 * its control bytes are shown as escapes ({@code \x1b}), never passed to the browser.
 */
public final class ReportHtml {

    private static final String CSS = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
            + "th{background:#f3f3f3}pre{background:#f8f8f8;border:1px solid #ddd;padding:.6em;overflow:auto;max-height:30em}"
            + ".passed{background:#d8f5d8}.failed{background:#f9d0d0}.skipped{background:#eee}"
            + ".not-claimed{background:#f4f4f4;color:#777}.waived{background:#fdf0c8}.not-run{background:#e6ddf6}"
            + "h2{margin-top:1.6em}.muted{color:#666}";

    private ReportHtml() {
    }

    public static void write(RunReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    public static String render(RunReport report) {
        StringBuilder h = new StringBuilder(16 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>uconform report</title><style>")
                .append(CSS).append("</style></head><body>\n<h1>uconform conformance report</h1>\n");
        if (report.wasInterrupted()) {
            h.append("<p class=\"failed\"><strong>Interrupted:</strong> ").append(esc(report.interrupted()))
                    .append(". This report is partial: ").append(report.checks().size())
                    .append(" checks, the ones that were running are \"not run\".</p>\n");
        }
        summary(report, h);
        matrix(report, h);
        differences(report, h);
        groups(report, h);
        failures(report, h);
        allChecks(report, h);
        return h.append("</body></html>\n").toString();
    }

    private static void summary(RunReport report, StringBuilder h) {
        h.append("<p class=\"muted\">").append(esc(report.startedAt().toString())).append(" &ndash; ")
                .append(esc(report.finishedAt().toString())).append(" (")
                .append(Duration.between(report.startedAt(), report.finishedAt()).toMillis()).append(" ms)</p>\n");
        h.append("<table><tr><th>target</th><th>profile</th><th>facts</th><th>events</th></tr>\n");
        for (TargetRecord t : report.targets()) {
            h.append("<tr><td>").append(esc(t.name())).append("</td><td>").append(esc(t.profile())).append("</td><td>");
            t.facts().forEach((k, v) -> h.append(esc(k)).append('=').append(esc(v)).append("<br>"));
            h.append("</td><td>");
            t.events().forEach(e -> h.append(esc(e)).append("<br>"));
            h.append("</td></tr>\n");
        }
        h.append("</table>\n<table><tr>");
        report.totals().forEach((s, n) -> h.append("<th>").append(s.label()).append("</th>"));
        h.append("<th>checks</th></tr><tr>");
        report.totals().forEach((s, n) -> h.append("<td class=\"").append(css(s)).append("\">").append(n).append("</td>"));
        h.append("<td>").append(report.checks().size()).append("</td></tr></table>\n");
        List<NotVerified> notVerified = NotVerified.of(report);
        if (!notVerified.isEmpty()) {
            h.append("<h2>Claimed groups not verified (").append(notVerified.size()).append(")</h2>\n<ul>");
            notVerified.forEach(n -> h.append("<li class=\"failed\">").append(esc(n.describe())).append("</li>"));
            h.append("</ul>\n");
        }
    }

    private static void matrix(RunReport report, StringBuilder h) {
        List<String> targets = report.checks().stream().map(CheckRecord::target).distinct().toList();
        h.append("<h2>Requirements</h2>\n<table class=\"matrix\"><tr><th>requirement</th>");
        targets.forEach(t -> h.append("<th>").append(esc(t)).append("</th>"));
        h.append("</tr>\n");
        for (Map.Entry<String, Map<String, CheckStatus>> row : report.verdicts().entrySet()) {
            h.append("<tr><td>").append(esc(row.getKey())).append("</td>");
            for (String t : targets) {
                CheckStatus s = row.getValue().get(t);
                h.append(s == null ? "<td></td>" : "<td class=\"" + css(s) + "\">" + s.label() + "</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** With several targets: the requirements whose verdict differs, so a reader need not scan the matrix. */
    private static void differences(RunReport report, StringBuilder h) {
        List<String> targets = report.checks().stream().map(CheckRecord::target).distinct().toList();
        if (targets.size() < 2) {
            return;
        }
        Map<String, Map<String, CheckStatus>> differing = report.differingVerdicts();
        h.append("<h2>Verdicts that differ between targets (").append(differing.size()).append(")</h2>\n");
        if (differing.isEmpty()) {
            h.append("<p>none: every requirement has the same verdict on ").append(esc(String.join(", ", targets)))
                    .append("</p>\n");
            return;
        }
        h.append("<table class=\"matrix\"><tr><th>requirement</th>");
        targets.forEach(t -> h.append("<th>").append(esc(t)).append("</th>"));
        h.append("</tr>\n");
        differing.forEach((requirement, row) -> {
            h.append("<tr><td>").append(esc(requirement)).append("</td>");
            for (String t : targets) {
                CheckStatus s = row.get(t);
                h.append(s == null ? "<td>absent</td>" : "<td class=\"" + css(s) + "\">" + s.label() + "</td>");
            }
            h.append("</tr>\n");
        });
        h.append("</table>\n");
    }

    private static void groups(RunReport report, StringBuilder h) {
        h.append("<h2>Checks per group</h2>\n<table><tr><th>group</th>");
        for (CheckStatus s : CheckStatus.values()) {
            h.append("<th>").append(s.label()).append("</th>");
        }
        h.append("</tr>\n");
        report.groups().forEach((group, counts) -> {
            h.append("<tr><td>").append(esc(group)).append("</td>");
            for (CheckStatus s : CheckStatus.values()) {
                h.append("<td>").append(counts.getOrDefault(s, 0)).append("</td>");
            }
            h.append("</tr>\n");
        });
        h.append("</table>\n");
    }

    private static void failures(RunReport report, StringBuilder h) {
        List<CheckRecord> failed = report.checks().stream().filter(c -> c.status() == CheckStatus.FAILED).toList();
        h.append("<h2>Failed checks (").append(failed.size()).append(")</h2>\n");
        for (CheckRecord c : failed) {
            h.append("<h3 id=\"").append(esc(c.target() + ":" + c.id())).append("\">").append(esc(c.requirement()))
                    .append(" &middot; ").append(esc(c.id())).append(" [").append(esc(c.target())).append("]</h3>\n")
                    .append("<p>").append(esc(c.reason())).append("</p>\n<h4>Transcript</h4><pre>")
                    .append(esc(c.transcript().isEmpty() ? "(nothing recorded)" : c.transcript())).append("</pre>\n")
                    .append("<h4>Console</h4><pre>")
                    .append(esc(c.console().isEmpty() ? "(no console lines while the check ran)" : c.console()))
                    .append("</pre>\n");
        }
    }

    private static void allChecks(RunReport report, StringBuilder h) {
        h.append("<h2>All checks</h2>\n<table><tr><th>requirement</th><th>check</th><th>target</th><th>status</th>"
                + "<th>ms</th><th>reason</th></tr>\n");
        for (CheckRecord c : report.checks()) {
            h.append("<tr><td>").append(esc(c.requirement())).append("</td><td>").append(esc(c.id()))
                    .append("</td><td>").append(esc(c.target())).append("</td><td class=\"").append(css(c.status()))
                    .append("\">").append(c.status().label()).append("</td><td>").append(c.durationMs())
                    .append("</td><td>").append(esc(c.reason())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String css(CheckStatus s) {
        return s.label().replace(' ', '-');
    }

    /** HTML-escaped, with control bytes from the target shown as escapes ({@code \x1b}). */
    static String esc(String raw) {
        String s = io.uconform.console.VisibleText.of(raw);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
