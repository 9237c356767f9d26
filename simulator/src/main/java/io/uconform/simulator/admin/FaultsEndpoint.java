package io.uconform.simulator.admin;

import io.uconform.server.HttpError;
import io.uconform.server.Request;
import io.uconform.simulator.board.ActiveFault;
import io.uconform.simulator.board.BoardFault;
import io.uconform.simulator.board.VirtualBoard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/faults} (active and available board faults) and {@code PUT /admin/faults}
 * {@code {"faults":["DEAD_LED","STUCK_PIN@4"]}} (replaces the active set; {@code []} clears it).
 */
final class FaultsEndpoint {

    private final VirtualBoard board;

    FaultsEndpoint(VirtualBoard board) {
        this.board = board;
    }

    Object list(Request request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("active", board.faults().stream().map(ActiveFault::toString).toList());
        List<Map<String, Object>> available = new java.util.ArrayList<>();
        for (BoardFault f : BoardFault.values()) {
            available.add(Map.of("name", f.name(), "description", f.description()));
        }
        m.put("available", available);
        return m;
    }

    Object replace(Request request) {
        Object faults = AdminJson.object(request).get("faults");
        if (!(faults instanceof List)) {
            throw new HttpError(400, "body must be {\"faults\":[...]} with fault names such as \"STUCK_PIN@4\"");
        }
        List<ActiveFault> parsed = new java.util.ArrayList<>();
        for (Object f : (List<?>) faults) {
            if (!(f instanceof String)) {
                throw new HttpError(400, "fault names are strings, not " + f);
            }
            parsed.add(ActiveFault.parse((String) f, board.profile()));
        }
        board.setFaults(parsed);
        return list(request);
    }
}
