package io.cairn.connectors.quickbooks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.datagen.mock.QuickBooksMockServer;

import static io.cairn.connectors.testing.TestHelper.copy;
import static io.cairn.connectors.testing.TestHelper.readJsonLines;

/** Loads {@code quickbooks-api/sandbox_records.jsonl} into a mock company, entity by entity. */
final class FixtureCompany {
    static final String REALM = "9130355";
    static final String CLIENT_ID = "cairn-client";
    static final String CLIENT_SECRET = "client-secret-value";
    static final String REFRESH_TOKEN = "rt-initial";

    private FixtureCompany() {}

    static QuickBooksMockServer server() {
        return new QuickBooksMockServer(REALM, CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN);
    }

    /** The fixture's records of the connector's streams, keyed by entity, without Airbyte's added cursor field. */
    static Map<String, List<ObjectNode>> records() {
        Map<String, List<ObjectNode>> byEntity = new LinkedHashMap<>();
        for (JsonNode line : readJsonLines("quickbooks-api/sandbox_records.jsonl")) {
            QuickBooksEntities.byStream(line.path("stream").asText()).ifPresent(entity -> {
                ObjectNode record = copy(line.path("data"));
                record.remove("airbyte_cursor");
                byEntity.computeIfAbsent(entity.name(), k -> new ArrayList<>()).add(record);
            });
        }
        return byEntity;
    }

    static void load(QuickBooksMockServer server) {
        records().forEach(server::put);
    }

    /** {@code count} copies of the first fixture invoice with ids from 1 and the given change times. */
    static List<ObjectNode> invoices(int count, java.util.function.IntFunction<Instant> updatedAt) {
        ObjectNode template = records().get("Invoice").get(0);
        List<ObjectNode> invoices = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ObjectNode invoice = template.deepCopy().put("Id", Integer.toString(i)).put("DocNumber", "D" + i);
            ((ObjectNode) invoice.path("MetaData")).put("LastUpdatedTime",
                    updatedAt.apply(i).atOffset(ZoneOffset.ofHours(-8)).toString());
            invoices.add(invoice);
        }
        return invoices;
    }

    static Map<String, String> options(QuickBooksMockServer server, int pageSize) {
        Map<String, String> options = new HashMap<>();
        options.put("base_url", server.baseUrl().toString());
        options.put("token_url", server.tokenUrl().toString());
        options.put("realm_id", REALM);
        options.put("client_id", CLIENT_ID);
        options.put("client_secret", CLIENT_SECRET);
        options.put("refresh_token", REFRESH_TOKEN);
        options.put("page_size", Integer.toString(pageSize));
        options.put("backoff_base_ms", "2");
        options.put("backoff_cap_ms", "20");
        options.put("request_timeout_ms", "5000");
        options.put("requests_per_minute", "60000");
        return options;
    }
}
