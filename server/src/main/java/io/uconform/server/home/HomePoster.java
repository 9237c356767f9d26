package io.uconform.server.home;

import io.uconform.server.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One bounded POST of an event to the home URL. */
final class HomePoster {

    private final Duration timeout;

    HomePoster(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * @return the HTTP status
     * @throws IOException when the home server cannot be reached or does not answer within the timeout
     */
    int post(HomeEvent event, int attempt) throws IOException {
        byte[] body = Json.write(event.toJson()).getBytes(StandardCharsets.UTF_8);
        HttpURLConnection c = (HttpURLConnection) new URL(event.url()).openConnection();
        try {
            c.setConnectTimeout((int) timeout.toMillis());
            c.setReadTimeout((int) timeout.toMillis());
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            c.setRequestProperty("Content-Type", "application/json");
            c.setRequestProperty("X-Uconform-Attempt", Integer.toString(attempt));
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                if (in != null) {
                    in.readNBytes(64 * 1024);
                }
            }
            return status;
        } finally {
            c.disconnect();
        }
    }
}
