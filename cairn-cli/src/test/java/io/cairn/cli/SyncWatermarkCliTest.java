package io.cairn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.connectors.common.Json;
import io.cairn.core.config.ProjectConfig;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.datagen.mock.ShopifyMockServer;
import io.cairn.spi.TenantId;

import static io.cairn.cli.CliTest.cairn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain {@code cairn sync} moves the watermark of every source it synced without a failure, in the table a
 * pipeline's sync step writes, so that a later pipeline fencing a failed source shows the rows of this sync; a
 * source that fails keeps the watermark it had.
 */
class SyncWatermarkCliTest {
    private static final String TOKEN = "shpat_watermark_S3CRET";
    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path dir;
    private final ShopifyMockServer shop = new ShopifyMockServer(TOKEN, 1000);

    @AfterEach
    void stop() {
        shop.close();
    }

    @Test
    void successfulSourcesMoveTheirWatermarkAndFailedOnesKeepIt() throws Exception {
        shop.put("orders", List.of(Json.object().put("id", 1001).put("currency", "USD").put("total_price", "10.01")
                .put("updated_at", "2024-03-01T10:00:00Z")));
        shop.put("events", List.of());
        Files.writeString(dir.resolve("tenants.yml"), "tenants:\n  - id: acme\n    sources:\n"
                + shopifySource("good", TOKEN) + shopifySource("refused", "shpat_wrong")
                + "      drops:\n        type: files\n");
        Instant before = Instant.now();

        CliTest.Run first = cairn("sync", "-p", dir.toString());
        Instant afterFirst = Instant.now();

        assertThat(first.exit()).as(first.out() + first.err()).isEqualTo(Main.DATA_FAILURE);
        assertThat(first.out()).contains("FAILED tenant acme source refused stream orders");
        Instant good = watermark("good").orElseThrow();
        assertThat(good).as("the time the sync of the good source ended").isBetween(before, afterFirst);
        assertThat(watermark("drops")).as("a file source with nothing new synced fine").get()
                .satisfies(drops -> assertThat(drops).isBetween(before, afterFirst));
        assertThat(watermark("refused")).as("a failed source records no watermark").isEmpty();

        shop.upsert("orders", Json.object().put("id", 1002).put("currency", "USD").put("total_price", "5.00")
                .put("updated_at", "2024-03-02T10:00:00Z"));
        CliTest.Run second = cairn("sync", "-p", dir.toString(), "--source", "good");

        assertThat(second.exit()).as(second.out() + second.err()).isZero();
        assertThat(watermark("good").orElseThrow()).as("the next successful sync moves it").isAfter(good)
                .isBeforeOrEqualTo(Instant.now());
        assertThat(watermark("refused")).isEmpty();
    }

    private String shopifySource(String name, String token) {
        return "      " + name + ":\n        type: shopify\n        shop_url: " + shop.baseUrl() + "\n        "
                + "access_token: " + token + "\n        requests_per_second: 100\n        bucket_leak_per_second: 1000"
                + "\n        streams: orders\n";
    }

    private Optional<Instant> watermark(String source) {
        try (ControlPlane controlPlane = ControlPlane.open(ProjectConfig.load(dir).controlPlane())) {
            return controlPlane.pipelineRuns().watermarks().find(ACME, source);
        }
    }
}
