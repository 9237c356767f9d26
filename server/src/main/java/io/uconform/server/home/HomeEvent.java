package io.uconform.server.home;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event for the home URL, posted as {@code {"event":name,"device":d,"seq":n,"data":{..}}}.
 *
 * @param url the home URL at the time of the event
 */
record HomeEvent(String url, String event, String device, long seq, Map<String, Object> data) {

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        m.put("device", device);
        m.put("seq", seq);
        m.put("data", data);
        return m;
    }
}
