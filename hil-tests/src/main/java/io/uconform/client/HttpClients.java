package io.uconform.client;

import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

/** Creates the Micronaut client a target's checks share: bounded timeouts, no redirects followed. */
public final class HttpClients {

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
        try {
            return HttpClient.create(baseUri.toURL(), config);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + baseUri, e);
        }
    }
}
