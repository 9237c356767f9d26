package io.uconform.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.App;
import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerFault;
import io.uconform.server.ServerOptions;
import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class StreamApiTest {

    private static ReferenceServer start(ServerOptions options) {
        App app = new App("stream-test");
        StreamApi.install(app, "/stream", options, Duration.ofMillis(20), n -> java.util.Map.of("frame", n));
        return ReferenceServer.start(app, options);
    }

    @Test
    void partsAreWellFormedAndTheServerStopsWhenTheClientLeaves() throws Exception {
        try (ReferenceServer server = start(ServerOptions.defaults())) {
            try (RawHttp http = RawHttp.connect(server.port())) {
                RawResponse head = http.get("/stream").readHead();
                assertThat(head.header("content-type")).isEqualTo("multipart/x-mixed-replace; boundary=uconform-frame");
                assertThat(head.header("transfer-encoding")).isEqualTo("chunked");
                String body = readChunks(http.input(), 3);
                assertThat(body).startsWith("--uconform-frame\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
                        + "{\"frame\":0}\r\n--uconform-frame\r\n");
            }
            try (RawHttp again = RawHttp.connect(server.port())) {
                assertThat(again.get("/stream").readHead().status()).as("served again after the client left").isEqualTo(200);
            }
        }
    }

    @Test
    void faultWrongBoundaryDelimitsWithAnotherString() throws Exception {
        try (ReferenceServer server = start(ServerOptions.defaults().withFaults(Set.of(ServerFault.STREAM_WRONG_BOUNDARY)));
             RawHttp http = RawHttp.connect(server.port())) {
            http.get("/stream").readHead();
            assertThat(readChunks(http.input(), 1)).startsWith("--uconform-frame-x\r\n");
        }
    }

    private static String readChunks(InputStream in, int count) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            String size = line(in);
            all.write(in.readNBytes(Integer.parseInt(size.trim(), 16)));
            line(in);
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
