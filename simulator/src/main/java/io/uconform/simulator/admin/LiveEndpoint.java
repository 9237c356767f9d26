package io.uconform.simulator.admin;

import io.uconform.server.Handler;
import io.uconform.server.Request;
import io.uconform.server.Response;

/** {@code GET /admin/live}: the board page's live feed, server-sent events ({@link LiveFeed}). */
final class LiveEndpoint implements Handler {

    private final LiveHub hub;

    LiveEndpoint(LiveHub hub) {
        this.hub = hub;
    }

    @Override
    public Object handle(Request request) {
        return Response.chunked(200, "text/event-stream", new LiveFeed(hub)).withHeader("Cache-Control", "no-cache");
    }
}
