package io.cairn.datagen.mock;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The subset of the QuickBooks query language the mock answers: {@code select * from E [where
 * Metadata.LastUpdatedTime >= 't' [and Active IN (true,false)]] [orderby Metadata.LastUpdatedTime] startposition n
 * maxresults m}. Name lists hide inactive records unless {@code Active IN (true,false)} is asked, as QuickBooks does.
 */
record QuickBooksQuery(String entity, String operator, OffsetDateTime since, boolean allActive, int start, int max) {
    private static final Pattern QUERY = Pattern.compile("select \\* from (\\w+)"
            + "(?: where metadata\\.lastupdatedtime (>=|>) '([^']+)')?( and active in \\(true, ?false\\))?"
            + "(?: orderby metadata\\.lastupdatedtime)?(?: startposition (\\d+))?(?: maxresults (\\d+))?");

    /** The parsed query, or null when the mock does not understand it. */
    static QuickBooksQuery parse(String text) {
        Matcher matcher = QUERY.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return null;
        }
        String entity = text.trim().split("\\s+")[3];
        return new QuickBooksQuery(entity, matcher.group(2),
                matcher.group(3) == null ? null : OffsetDateTime.parse(matcher.group(3).toUpperCase(Locale.ROOT)),
                matcher.group(4) != null, matcher.group(5) == null ? 1 : Integer.parseInt(matcher.group(5)),
                matcher.group(6) == null ? 100 : Math.min(1000, Integer.parseInt(matcher.group(6))));
    }

    List<ObjectNode> answer(List<ObjectNode> records, boolean nameList) {
        List<ObjectNode> matching = records.stream()
                .filter(record -> !nameList || allActive || record.path("Active").asBoolean(true))
                .filter(this::changedSince)
                .sorted(Comparator.comparing((ObjectNode record) -> time(record).toInstant())
                        .thenComparing(record -> record.path("Id").asLong()))
                .toList();
        int from = Math.min(matching.size(), start - 1);
        return matching.subList(from, Math.min(matching.size(), from + max));
    }

    private boolean changedSince(JsonNode record) {
        if (since == null) {
            return true;
        }
        int order = time(record).toInstant().compareTo(since.toInstant());
        return ">".equals(operator) ? order > 0 : order >= 0;
    }

    static OffsetDateTime time(JsonNode record) {
        return OffsetDateTime.parse(record.path("MetaData").path("LastUpdatedTime").asText());
    }
}
