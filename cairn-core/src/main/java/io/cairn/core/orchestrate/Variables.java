package io.cairn.core.orchestrate;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code {name}} placeholders in step settings and variables. */
public final class Variables {
    /** Known in every step. */
    public static final Set<String> BUILT_IN = Set.of("date", "run_id", "pipeline", "step", "failed_tasks");
    /** The tenant profile fields steps may use, as {@code {tenant.name}} and so on. */
    public static final Set<String> TENANT_FIELDS = Set.of("name", "timezone", "currency");
    public static final String TENANT_PREFIX = "tenant.";
    /** Known only in steps that run per tenant ({@code tenant_id}) or per source ({@code source} too). */
    public static final Set<String> PER_TENANT = Set.of("tenant_id", "tenant.name", "tenant.timezone",
            "tenant.currency");
    public static final Set<String> PER_SOURCE = Set.of("source");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?)}");

    private Variables() {
    }

    /** The placeholder names in {@code text}, in order of first use. */
    public static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** {@code text} with every placeholder replaced; validation has made sure each one is known. */
    public static String substitute(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new CairnException(ErrorCode.BAD_INPUT, "Cannot substitute '%s': variable '%s' has no value",
                        text, matcher.group(1));
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(result).toString();
    }
}
