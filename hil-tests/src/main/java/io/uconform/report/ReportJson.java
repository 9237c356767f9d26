package io.uconform.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes and reads {@code report.json} (the format {@link ReportDiff} compares). */
public final class ReportJson {

    public static final String FORMAT = "uconform-report/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static void write(RunReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), toJson(report));
    }

    public static ObjectNode toJson(RunReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("startedAt", report.startedAt().toString());
        root.put("finishedAt", report.finishedAt().toString());
        root.put("durationMs", Duration.between(report.startedAt(), report.finishedAt()).toMillis());
        if (report.wasInterrupted()) {
            root.put("interrupted", report.interrupted());
        }
        ArrayNode targets = root.putArray("targets");
        for (TargetRecord t : report.targets()) {
            ObjectNode node = targets.addObject().put("name", t.name()).put("profile", t.profile());
            ObjectNode facts = node.putObject("facts");
            t.facts().forEach(facts::put);
            t.events().forEach(node.putArray("events")::add);
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("checks", report.checks().size());
        report.totals().forEach((status, n) -> totals.put(status.label(), n));
        ObjectNode groups = root.putObject("groups");
        report.groups().forEach((group, counts) -> {
            ObjectNode g = groups.putObject(group);
            g.put("checks", counts.values().stream().mapToInt(Integer::intValue).sum());
            counts.forEach((status, n) -> g.put(status.label(), n));
        });
        ArrayNode notVerified = root.putArray("notVerified");
        NotVerified.of(report).forEach(n -> notVerified.addObject().put("target", n.target()).put("group", n.group())
                .put("skipped", n.skipped()).put("reason", n.reason()));
        ArrayNode requirements = root.putArray("requirements");
        report.verdicts().forEach((req, byTarget) -> {
            ObjectNode r = requirements.addObject().put("id", req).put("group", io.uconform.profile.Profile.groupOf(req));
            ObjectNode v = r.putObject("verdicts");
            byTarget.forEach((target, status) -> v.put(target, status.label()));
        });
        ObjectNode differing = root.putObject("differingVerdicts");
        report.differingVerdicts().forEach((req, byTarget) -> {
            ObjectNode v = differing.putObject(req);
            byTarget.forEach((target, status) -> v.put(target, status.label()));
        });
        ArrayNode checks = root.putArray("checks");
        for (CheckRecord c : report.checks()) {
            ObjectNode node = checks.addObject().put("id", c.id()).put("requirement", c.requirement())
                    .put("group", c.group()).put("target", c.target()).put("status", c.status().label())
                    .put("reason", c.reason()).put("durationMs", c.durationMs());
            ObjectNode evidence = node.putObject("evidence");
            evidence.put("transcript", c.transcript());
            evidence.put("console", c.console());
        }
        return root;
    }

    /** Reads a report; a malformed file is an {@link IllegalArgumentException} with one line. */
    public static RunReport read(Path file) {
        try {
            return parse(file);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("report " + file + " is malformed: " + e.getMessage());
        }
    }

    private static RunReport parse(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read report " + file + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + " is not a uconform report.json (format " + FORMAT + ")");
        }
        List<TargetRecord> targets = new ArrayList<>();
        root.path("targets").forEach(t -> {
            Map<String, String> facts = new LinkedHashMap<>();
            t.path("facts").fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue().asText()));
            List<String> events = new ArrayList<>();
            t.path("events").forEach(e -> events.add(e.asText()));
            targets.add(new TargetRecord(t.path("name").asText(), t.path("profile").asText(), facts, events));
        });
        List<CheckRecord> checks = new ArrayList<>();
        root.path("checks").forEach(c -> checks.add(new CheckRecord(c.path("id").asText(),
                c.path("requirement").asText(), c.path("group").asText(), c.path("target").asText(),
                CheckStatus.ofLabel(c.path("status").asText()), c.path("reason").asText(),
                c.path("durationMs").asLong(), c.path("evidence").path("transcript").asText(),
                c.path("evidence").path("console").asText())));
        return new RunReport(Instant.parse(root.path("startedAt").asText()),
                Instant.parse(root.path("finishedAt").asText()), targets, checks, root.path("interrupted").asText(""));
    }
}
