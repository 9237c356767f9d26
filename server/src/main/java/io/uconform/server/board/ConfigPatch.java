package io.uconform.server.board;

import io.uconform.server.HttpError;
import java.util.Map;

/**
 * Applies a {@code PUT /config} body to settings: only known sections and fields, strings only;
 * a secret sent back as {@code ****} keeps the stored value (so a GET can be edited and PUT back);
 * {@code device.board} is fixed by the hardware.
 */
final class ConfigPatch {

    private ConfigPatch() {
    }

    @SuppressWarnings("unchecked")
    static DeviceSettings apply(DeviceSettings settings, Map<String, Object> patch) {
        Map<String, String> fields = settings.fields();
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String section = e.getKey();
            if (!section.contains(".") && fields.containsKey(section)) {
                fields.put(section, text(section, e.getValue()));
                continue;
            }
            if (fields.keySet().stream().noneMatch(k -> k.startsWith(section + "."))) {
                throw new HttpError(400, "unknown config section '" + section + "'");
            }
            if (!(e.getValue() instanceof Map)) {
                throw new HttpError(400, "config '" + section + "' must be an object");
            }
            for (Map.Entry<String, Object> f : ((Map<String, Object>) e.getValue()).entrySet()) {
                String path = section + "." + f.getKey();
                if (!fields.containsKey(path)) {
                    throw new HttpError(400, "unknown config field '" + path + "'");
                }
                String value = text(path, f.getValue());
                boolean maskedSecret = f.getKey().equals("password") && value.equals(DeviceSettings.MASK);
                if (!maskedSecret) {
                    fields.put(path, value);
                }
            }
        }
        if (fields.get("app").isEmpty()) {
            throw new HttpError(400, "config 'app' must name an app");
        }
        if (!fields.get("device.board").equals(settings.board())) {
            throw new HttpError(400, "config 'device.board' is fixed by the hardware (" + settings.board() + ")");
        }
        return DeviceSettings.fromFields(fields);
    }

    private static String text(String field, Object value) {
        if (!(value instanceof String)) {
            throw new HttpError(400, "config '" + field + "' must be a string");
        }
        return (String) value;
    }
}
