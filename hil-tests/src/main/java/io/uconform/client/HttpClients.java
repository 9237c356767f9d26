package io.uconform.client;

import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

/** Creates the Micronaut client a target's checks share: bounded timeouts, no redirects followed. */
public final class HttpClients {

    static final Duration POOL_IDLE = Duration.ofMillis(750);

    private HttpClients() {
    }

    public static HttpClient create(URI baseUri, Duration connectTimeout, Duration readTimeout) {
        DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
        config.setConnectTimeout(connectTimeout);
        config.setReadTimeout(readTimeout);
        config.setRequestTimeout(readTimeout.plus(connectTimeout));
        config.setFollowRedirects(false);
        config.setExceptionOnErrorStatus(false);
        config.setShutdownTimeout(Duration.ofMillis(500));
        // A pooled connection the server has just closed at its idle timeout fails the next request
        // with "Connection closed before response": drop pooled connections long before any device's
        // keep-alive idle (the fast sim timers use 2 s).
        config.setConnectionPoolIdleTimeout(POOL_IDLE);
        try {
            return HttpClient.create(baseUri.toURL(), config);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + baseUri, e);
        }
    }
}
