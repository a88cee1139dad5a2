package io.cairn.connectors.quickbooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;

import io.cairn.connectors.common.Json;
import io.cairn.connectors.common.TimeCursor;
import io.cairn.spi.source.RecordSink;
import io.cairn.spi.source.SourceException;

/**
 * Reads one entity. Pages are keyed on the change time: each query asks for {@code LastUpdatedTime >= t} from
 * {@code STARTPOSITION 1 + k}, where t is the last time read and k the records already read at exactly t. A
 * record updated during the read moves past t and is read later, instead of shifting offsets and hiding another
 * record. After each page the cursor moves to the latest time read; deletes come from CDC afterwards.
 */
final class QuickBooksReader {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    /** CDC looks back at most 30 days; stay a little inside. */
    private static final Duration CDC_WINDOW = Duration.ofDays(29);
    private static final int MAX_PAGES = 1_000_000;

    private final QuickBooksClient client;
    private final QuickBooksConfig config;
    private final Clock clock;

    QuickBooksReader(QuickBooksClient client, QuickBooksConfig config, Clock clock) {
        this.client = client;
        this.config = config;
        this.clock = clock;
    }

    void read(QuickBooksEntities.Entity entity, TimeCursor from, RecordSink sink) {
        TimeCursor cursor = records(entity, from, sink);
        deletes(entity, cursor, sink);
    }

    private TimeCursor records(QuickBooksEntities.Entity entity, TimeCursor from, RecordSink sink) {
        TimeCursor cursor = from;
        Instant since = from.updatedAt() == null ? config.startAt() : from.updatedAt().minus(config.lookback());
        int skip = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode records = client.query(query(entity, since, skip)).path(entity.name());
            Instant last = null;
            int atLast = 0;
            for (JsonNode record : records) {
                sink.record(Json.line(record));
                Instant time = Json.instant(record.path("MetaData").get("LastUpdatedTime"));
                cursor = cursor.withUpdatedAt(time);
                atLast = time != null && time.equals(last) ? atLast + 1 : 1;
                last = time;
            }
            sink.checkpoint(cursor.checkpoint());
            if (records.size() < config.pageSize() || last == null) {
                return cursor;
            }
            skip = last.equals(since) ? skip + records.size() : atLast;
            since = last;
        }
        throw SourceException.permanent("Cannot page through %s of %s: more than %d pages", entity.name(),
                config.subject(), MAX_PAGES);
    }

    String query(QuickBooksEntities.Entity entity, Instant since, int skip) {
        return "select * from " + entity.name() + " where Metadata.LastUpdatedTime >= '" + TIME.format(since) + "'"
                + (entity.nameList() ? " and Active IN (true,false)" : "")
                + " orderby Metadata.LastUpdatedTime startposition " + (skip + 1) + " maxresults "
                + config.pageSize();
    }

    /** Emits CDC's {@code status: Deleted} entries of the entity as they come: the contract marks them deleted. */
    private void deletes(QuickBooksEntities.Entity entity, TimeCursor from, RecordSink sink) {
        Instant floor = clock.instant().minus(CDC_WINDOW);
        Instant since = from.deletesAt() == null ? floor : Json.later(from.deletesAt().minus(config.lookback()), floor);
        TimeCursor cursor = from;
        JsonNode responses = client.changes(entity.name(), TIME.format(since)).path("CDCResponse");
        for (JsonNode response : responses) {
            for (JsonNode query : response.path("QueryResponse")) {
                for (JsonNode change : query.path(entity.name())) {
                    if ("Deleted".equals(change.path("status").asText())) {
                        sink.record(Json.line(change));
                        cursor = cursor.withDeletesAt(Json.instant(change.path("MetaData").get("LastUpdatedTime")));
                    }
                }
            }
        }
        sink.checkpoint(cursor.checkpoint());
    }
}
