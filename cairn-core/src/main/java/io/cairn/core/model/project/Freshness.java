package io.cairn.core.model.project;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * A source table's freshness rule.
 *
 * @param warnAfter age beyond which the source warns, or null
 * @param errorAfter age beyond which the source errors, or null
 * @param filter an optional SQL condition restricting the rows looked at
 */
public record Freshness(Duration warnAfter, Duration errorAfter, String filter) {
    /** Parses {@code freshness:}; null when the mapping is absent or explicitly null. */
    public static Freshness parse(Object value, String where) {
        if (value == null) {
            return null;
        }
        Map<String, Object> map = Yaml.map(value);
        return new Freshness(duration(map.get("warn_after"), where), duration(map.get("error_after"), where),
                Yaml.string(map, "filter", null));
    }

    private static Duration duration(Object value, String where) {
        if (value == null) {
            return null;
        }
        Map<String, Object> map = Yaml.map(value);
        Object count = map.get("count");
        String period = Yaml.string(map, "period", "").toLowerCase(Locale.ROOT);
        if (count == null) {
            return null;
        }
        long n = Long.parseLong(String.valueOf(count));
        return switch (period) {
            case "minute" -> Duration.ofMinutes(n);
            case "hour" -> Duration.ofHours(n);
            case "day" -> Duration.ofDays(n);
            default -> throw new CairnException(ErrorCode.CONFIG,
                    "Cannot read freshness of %s: period must be minute, hour or day, found '%s'", where, period);
        };
    }

    /** Overlays a table-level freshness on the source-level one. */
    public Freshness overlay(Freshness table) {
        if (table == null) {
            return this;
        }
        return new Freshness(table.warnAfter != null ? table.warnAfter : warnAfter,
                table.errorAfter != null ? table.errorAfter : errorAfter,
                table.filter != null ? table.filter : filter);
    }
}
