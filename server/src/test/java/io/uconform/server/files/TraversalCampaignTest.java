package io.uconform.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.ServerFault;
import io.uconform.server.auth.AccessServer;
import io.uconform.server.auth.Raw;
import io.uconform.server.support.RawResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** FILE-04 against reads, uploads and deletes, checked on the file system itself. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TraversalCampaignTest {
    @TempDir
    Path dir;

    @Test
    void noEncodingLeavesTheWebRoot() throws Exception {
        try (AccessServer access = AccessServer.start(dir)) {
            Files.createSymbolicLink(access.webRoot.resolve("link"), access.base.resolve("outside"));
            Files.createSymbolicLink(access.webRoot.resolve("secret-link.txt"), access.base.resolve("outside/secret.txt"));
            Set<Path> before = filesOutsideRoot(access);
            List<String> paths = new ArrayList<>(TraversalPaths.all());
            paths.add("link/secret.txt");
            paths.add("secret-link.txt");
            paths.add("link/");
            paths.add("link/planted.txt");
            List<String> escapes = new ArrayList<>();
            int requests = 0;
            for (String path : paths) {
                RawResponse read = Raw.get(access.port(), "/files/" + path);
                requests++;
                if (leaks(read)) {
                    escapes.add("GET " + path + " -> " + read.status());
                }
                RawResponse write = Raw.send(access.port(), "PUT", "/files/" + path, List.of(AccessServer.basic()),
                        "planted".getBytes(StandardCharsets.UTF_8));
                RawResponse delete = Raw.send(access.port(), "DELETE", "/files/" + path, List.of(AccessServer.basic()), null);
                requests += 2;
                if (!filesOutsideRoot(access).equals(before)) {
                    escapes.add("PUT/DELETE " + path + " -> " + write.status() + "/" + delete.status());
                    before = filesOutsideRoot(access);
                }
            }
            System.out.printf("FILE traversal campaign: %d encodings, %d requests (GET, PUT, DELETE), %d escapes%n",
                    paths.size(), requests, escapes.size());
            assertThat(escapes).isEmpty();
            assertThat(paths.size()).isGreaterThanOrEqualTo(50);
            assertThat(Files.readString(access.base.resolve("outside/secret.txt"))).isEqualTo(AccessServer.CANARY);
        }
    }

    @Test
    void theFaultIsCaughtByTheSameCriterion() throws Exception {
        try (AccessServer access = AccessServer.start(dir, ServerFault.FILE_TRAVERSAL)) {
            long escapes = 0;
            for (String path : TraversalPaths.all()) {
                if (leaks(Raw.get(access.port(), "/files/" + path))) {
                    escapes++;
                }
            }
            assertThat(escapes).isPositive();
        }
    }

    private static boolean leaks(RawResponse reply) {
        String body = reply.text();
        return reply.status() < 300 && (body.contains(AccessServer.CANARY) || body.contains("root:")
                || body.contains("\"secret.txt\"") || body.contains("\"www-evil.txt\""));
    }

    private static Set<Path> filesOutsideRoot(AccessServer access) throws IOException {
        try (Stream<Path> walk = Files.walk(access.base)) {
            return walk.filter(p -> !p.startsWith(access.webRoot)).collect(Collectors.toSet());
        }
    }
}
