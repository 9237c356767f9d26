package io.uconform.simulator.admin;

import io.uconform.server.Handler;
import io.uconform.server.HttpError;
import io.uconform.server.Request;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /admin/console?since=n}: the console lines numbered n or later (at most the last
 * {@link LiveFeed#CONSOLE_LINES}) and {@code next}, the number to pass next time.
 */
final class ConsoleEndpoint implements Handler {

    private final LiveHub hub;

    ConsoleEndpoint(LiveHub hub) {
        this.hub = hub;
    }

    @Override
    public Object handle(Request request) {
        String text = request.queryParam("since").orElse("0");
        if (!text.matches("\\d{1,18}")) {
            throw new HttpError(400, "query parameter 'since' must be a non-negative integer, not '" + text + "'");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("next", hub.console().next());
        m.put("lines", hub.console().since(Long.parseLong(text), LiveFeed.CONSOLE_LINES).stream()
                .map(AdminJson::consoleLine).toList());
        return m;
    }
}
