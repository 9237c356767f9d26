package io.uconform.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uconform.client.HttpExchange;
import io.uconform.client.HttpReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A check's exchanges as WireMock stub mappings (WireMock's JSON file format): each matches the
 * method, the URL as sent and the check's tag header ({@link ReplayGate#CHECK_HEADER}), so that a
 * replay answers every check with its own replies even when checks run side by side. A request
 * answered the same every time is one mapping; one answered differently over time (a toggled
 * LED read before and after) is a WireMock scenario whose states follow the recorded order, the
 * last reply repeating. No reply (timeout, reset) is a {@code CONNECTION_RESET_BY_PEER} fault.
 */
final class StubMappings {

    /** Framing the replaying server sets itself from the body it sends. */
    private static final Set<String> NOT_REPLAYED = Set.of("transfer-encoding");

    /** One mapping file and, when the reply has a body, its body file (under {@code __files}). */
    record Stub(String name, ObjectNode mapping, String bodyFile, byte[] body) {
    }

    private final ObjectMapper json;
    private final UnaryOperator<String> mask;

    /** @param mask applied to every header value and body before it is stored (the check's secrets) */
    StubMappings(ObjectMapper json, UnaryOperator<String> mask) {
        this.json = json;
        this.mask = mask;
    }

    List<Stub> of(String checkId, List<HttpExchange> exchanges) {
        Map<String, List<HttpExchange>> byRequest = new LinkedHashMap<>();
        exchanges.forEach(e -> byRequest.computeIfAbsent(e.method() + " " + e.path() + " " + bodyPattern(e.body())
                .map(ObjectNode::toString).orElse(""), k -> new ArrayList<>()).add(e));
        List<Stub> stubs = new ArrayList<>();
        for (Map.Entry<String, List<HttpExchange>> request : byRequest.entrySet()) {
            List<HttpExchange> answers = request.getValue();
            boolean same = answers.stream().allMatch(a -> sameAnswer(a, answers.get(0)));
            if (same) {
                stubs.add(stub(checkId, stubs.size() + 1, answers.get(0), null, null, null));
                continue;
            }
            String scenario = checkId + " " + answers.get(0).method() + " " + mask.apply(answers.get(0).path()) + " #"
                    + stubs.size();
            for (int i = 0; i < answers.size(); i++) {
                String state = i == 0 ? "Started" : "answer " + (i + 1);
                String next = i + 1 < answers.size() ? "answer " + (i + 2) : null;
                stubs.add(stub(checkId, stubs.size() + 1, answers.get(i), scenario, state, next));
            }
        }
        return stubs;
    }

    private Stub stub(String checkId, int n, HttpExchange exchange, String scenario, String state, String next) {
        String name = checkId + "-" + n;
        ObjectNode mapping = json.createObjectNode();
        String path = mask.apply(exchange.path());
        mapping.put("name", name + ": " + exchange.method() + " " + path);
        if (scenario != null) {
            mapping.put("scenarioName", scenario);
            mapping.put("requiredScenarioState", state);
            if (next != null) {
                mapping.put("newScenarioState", next);
            }
        }
        ObjectNode request = mapping.putObject("request");
        request.put("method", exchange.method());
        if (path.equals(exchange.path())) {
            request.put("url", path);
        } else {
            // a secret in the URL (a password as a query parameter) is stored masked, matched as any value
            request.put("urlPattern", java.util.Arrays.stream(path.split(java.util.regex.Pattern.quote(
                    io.uconform.console.SecretMask.MASK), -1)).map(java.util.regex.Pattern::quote)
                    .collect(java.util.stream.Collectors.joining(".+")));
        }
        request.putObject("headers").putObject(ReplayGate.CHECK_HEADER).put("equalTo", checkId);
        bodyPattern(exchange.body()).ifPresent(pattern -> request.putArray("bodyPatterns").add(pattern));
        ObjectNode response = mapping.putObject("response");
        if (exchange.reply().isEmpty()) {
            response.put("fault", "CONNECTION_RESET_BY_PEER");
            return new Stub(name, mapping, null, null);
        }
        HttpReply reply = exchange.reply().get();
        response.put("status", reply.status());
        ObjectNode headers = response.putObject("headers");
        reply.headers().forEach((header, values) -> {
            if (NOT_REPLAYED.contains(header)) {
                return;
            }
            if (values.size() == 1) {
                headers.put(header, mask.apply(values.get(0)));
            } else {
                ArrayNode all = headers.putArray(header);
                values.forEach(v -> all.add(mask.apply(v)));
            }
        });
        if (reply.body().length == 0) {
            return new Stub(name, mapping, null, null);
        }
        String bodyFile = name + ".body";
        response.put("bodyFileName", bodyFile);
        byte[] body = maskBytes(reply.body());
        if (body.length != reply.body().length && headers.has("content-length")) {
            headers.put("content-length", Integer.toString(body.length));  // a masked secret changes the length
        }
        return new Stub(name, mapping, bodyFile, body);
    }

    /**
     * The request body as sent, so that a replayed check that sends another (a name made fresh for
     * each run) is not answered by chance: text as {@code equalTo}, other bytes as {@code binaryEqualTo}.
     * A body holding a secret is not stored (nor matched).
     */
    private java.util.Optional<ObjectNode> bodyPattern(byte[] body) {
        if (body.length == 0 || !Arrays.equals(maskBytes(body), body)) {
            return java.util.Optional.empty();
        }
        ObjectNode pattern = json.createObjectNode();
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        try {
            String text = utf8.decode(java.nio.ByteBuffer.wrap(body)).toString();
            pattern.put("equalTo", text);
        } catch (java.nio.charset.CharacterCodingException e) {
            pattern.put("binaryEqualTo", java.util.Base64.getEncoder().encodeToString(body));
        }
        return java.util.Optional.of(pattern);
    }

    /** Masks in the bytes as Latin-1 text: every byte survives the round trip, secrets do not. */
    private byte[] maskBytes(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String masked = mask.apply(text);
        return masked.equals(text) ? body : masked.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A clock is not an answer: replies that differ only in {@code Date} are the same reply. */
    private static Map<String, List<String>> withoutDate(HttpReply reply) {
        Map<String, List<String>> headers = new LinkedHashMap<>(reply.headers());
        headers.remove("date");
        return headers;
    }

    private static boolean sameAnswer(HttpExchange a, HttpExchange b) {
        if (a.reply().isEmpty() || b.reply().isEmpty()) {
            return a.reply().isEmpty() && b.reply().isEmpty();
        }
        HttpReply x = a.reply().get();
        HttpReply y = b.reply().get();
        return x.status() == y.status() && withoutDate(x).equals(withoutDate(y)) && Arrays.equals(x.body(), y.body());
    }
}
