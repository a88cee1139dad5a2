package io.cairn.connectors.shopify;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.cairn.connectors.http.HttpSettings;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.ConfigField;
import io.cairn.spi.source.ConfigChecks;
import io.cairn.spi.source.SourceConfig;

import static java.util.Objects.requireNonNull;

/**
 * A Shopify source's settings.
 *
 * @param lookback how far before the saved cursor each incremental read starts again, so that records sharing a
 *     timestamp with the cursor, or committed late, are read again rather than missed
 * @param leakPerSecond the rate at which Shopify's call-limit bucket drains, used to pace requests near its top
 */
public record ShopifyConfig(TenantId tenant, String source, URI shopUrl, String apiVersion, String accessToken,
        Instant startAt, int pageSize, Duration lookback, double requestsPerSecond, double leakPerSecond,
        HttpSettings http) {
    static final List<ConfigField> SPEC = spec();

    public ShopifyConfig {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(shopUrl, "shopUrl is null");
        requireNonNull(accessToken, "accessToken is null");
    }

    static ShopifyConfig from(SourceConfig config) {
        java.util.function.Function<String, String> value = name -> ConfigChecks.value(SPEC, config, name);
        String shop = value.apply("shop_url");
        return new ShopifyConfig(config.tenant(), config.sourceName(),
                URI.create(shop.endsWith("/") ? shop.substring(0, shop.length() - 1) : shop),
                value.apply("api_version"), value.apply("access_token"),
                LocalDate.parse(value.apply("start_date")).atStartOfDay(ZoneOffset.UTC).toInstant(),
                Math.min(250, Integer.parseInt(value.apply("page_size"))),
                Duration.ofSeconds(Long.parseLong(value.apply("lookback_seconds"))),
                Double.parseDouble(value.apply("requests_per_second")),
                Double.parseDouble(value.apply("bucket_leak_per_second")), HttpSettings.from(value));
    }

    /** Names the tenant and source in messages. */
    String subject() {
        return "tenant " + tenant + " source " + source;
    }

    @Override
    public String toString() {
        return "ShopifyConfig[tenant=" + tenant + ", source=" + source + ", shopUrl=" + shopUrl + ", apiVersion="
                + apiVersion + ", accessToken=***]";
    }

    private static List<ConfigField> spec() {
        List<ConfigField> fields = new ArrayList<>(List.of(
                new ConfigField("shop_url", "url", true, null, false, "The shop's base URL, e.g. https://acme.myshopify.com"),
                new ConfigField("api_version", "string", false, "2025-07", false, "Admin API version, YYYY-MM"),
                new ConfigField("access_token", "string", true, null, true, "Admin API access token"),
                new ConfigField("start_date", "date", false, "2000-01-01", false, "Read records updated since"),
                new ConfigField("page_size", "integer", false, "250", false, "Records per page, at most 250"),
                new ConfigField("lookback_seconds", "integer", false, "60", false,
                        "Overlap re-read before the saved cursor"),
                new ConfigField("requests_per_second", "integer", false, "2", false,
                        "Client-side request rate limit shared by the tenant's calls to this shop"),
                new ConfigField("bucket_leak_per_second", "integer", false, "2", false,
                        "Drain rate of Shopify's call-limit bucket, used to slow down near its top")));
        fields.addAll(HttpSettings.CONFIG_FIELDS);
        return List.copyOf(fields);
    }
}
