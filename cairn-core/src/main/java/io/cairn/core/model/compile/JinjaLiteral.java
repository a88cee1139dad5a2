package io.cairn.core.model.compile;

import java.util.List;
import java.util.Map;

/** Writes YAML values (strings, numbers, booleans, lists, maps) as Jinja literals. */
final class JinjaLiteral {
    private JinjaLiteral() {}

    static String of(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return String.valueOf(value);
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(of(list.get(i)));
            }
            return out.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> out.append(out.length() == 1 ? "" : ", ").append(of(String.valueOf(k)))
                    .append(": ").append(of(v)));
            return out.append('}').toString();
        }
        String text = String.valueOf(value);
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
