package io.cairn.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads the {@code api:} section of {@code cairn.yml}. */
final class ApiSection {
    private static final Set<String> KEYS = Set.of("port", "rate_limit", "query_timeout_seconds", "query_row_limit",
            "default_plan", "plans");
    private static final Set<String> RATE_KEYS = Set.of("requests_per_second", "burst");
    private static final Set<String> PLAN_KEYS = Set.of("runs_per_day", "rows_landed_per_month");
    private static final Pattern PLAN_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

    private ApiSection() {
    }

    static ApiSettings read(YamlMapping section) {
        section.allowOnly(KEYS);
        ApiSettings defaults = ApiSettings.defaults();
        YamlMapping rate = section.mapping("rate_limit").allowOnly(RATE_KEYS);
        Map<String, ApiSettings.Plan> plans = new TreeMap<>();
        YamlMapping planSection = section.mapping("plans");
        for (Map.Entry<String, YamlNode> plan : planSection.entries().entrySet()) {
            if (!PLAN_NAME.matcher(plan.getKey()).matches()) {
                throw planSection.keyError(plan.getKey(), "a plan name is lower-case letters, digits and '_'");
            }
            YamlMapping limits = plan.getValue().mapping().allowOnly(PLAN_KEYS);
            plans.put(plan.getKey(), new ApiSettings.Plan(limit(limits, "runs_per_day"),
                    limit(limits, "rows_landed_per_month")));
        }
        return new ApiSettings(
                (int) number(section, "port", defaults.port(), 0, 65_535),
                rate.get("requests_per_second").map(ApiSection::positiveDecimal).orElse(defaults.requestsPerSecond()),
                (int) number(rate, "burst", defaults.burst(), 1, 1_000_000),
                Duration.ofSeconds(number(section, "query_timeout_seconds", defaults.queryTimeout().toSeconds(), 1,
                        3600)),
                (int) number(section, "query_row_limit", defaults.queryRowLimit(), 1, 10_000_000),
                section.string("default_plan", defaults.defaultPlan()),
                plans);
    }

    private static Optional<Long> limit(YamlMapping limits, String key) {
        return limits.get(key).map(node -> wholeNumber(node, 0, Long.MAX_VALUE));
    }

    private static long number(YamlMapping section, String key, long defaultValue, long min, long max) {
        return section.get(key).map(node -> wholeNumber(node, min, max)).orElse(defaultValue);
    }

    private static long wholeNumber(YamlNode node, long min, long max) {
        String value = node.string().trim().replace("_", "");
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw node.error("expected a whole number from %d to %d, found %d", min, max, number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw node.error("expected a whole number, found '%s'", node.string());
        }
    }

    private static double positiveDecimal(YamlNode node) {
        try {
            double value = Double.parseDouble(node.string().trim());
            if (!(value > 0) || Double.isInfinite(value)) {
                throw node.error("expected a positive number, found '%s'", node.string());
            }
            return value;
        } catch (NumberFormatException e) {
            throw node.error("expected a positive number, found '%s'", node.string());
        }
    }
}
