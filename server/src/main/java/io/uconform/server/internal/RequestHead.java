package io.uconform.server.internal;

import java.util.List;
import java.util.Map;

/**
 * A parsed request line and header block.
 *
 * @param version "1.0" or "1.1" (engine-accepted versions only)
 * @param headers name/value pairs in arrival order, values trimmed
 */
public record RequestHead(String method, String target, String version, List<Map.Entry<String, String>> headers) {

    public List<String> values(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    public boolean isHttp10() {
        return "1.0".equals(version);
    }
}
