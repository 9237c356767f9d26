package io.uconform.simulator.admin;

import io.uconform.server.Handler;
import io.uconform.server.HttpError;
import io.uconform.server.Request;
import io.uconform.simulator.board.ResetCause;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code POST /admin/reset} with an optional {@code {"cause":"hard"}} (default {@code hard}: the EN
 * button): reboots the board; the device configuration is kept.
 */
final class ResetEndpoint implements Handler {

    private final AdminDevice device;

    ResetEndpoint(AdminDevice device) {
        this.device = device;
    }

    @Override
    public Object handle(Request request) {
        Map<String, Object> body = AdminJson.object(request);
        Object cause = body.getOrDefault("cause", ResetCause.HARD.wireName());
        ResetCause parsed = Arrays.stream(ResetCause.values()).filter(c -> c.wireName().equals(cause)).findFirst()
                .orElseThrow(() -> new HttpError(400, "cause must be one of "
                        + Arrays.stream(ResetCause.values()).map(ResetCause::wireName).toList()));
        device.reset(parsed);
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("reset_cause", parsed.wireName());
        answer.put("boot", device.board().bootCount());
        return answer;
    }
}
