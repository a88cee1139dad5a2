package io.cairn.connectors.quickbooks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.cairn.connectors.http.HttpSettings;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.ConfigChecks;
import io.cairn.spi.source.ConfigField;
import io.cairn.spi.source.SourceConfig;

/**
 * A QuickBooks Online source's settings.
 *
 * @param refreshToken the refresh token configured at onboarding; once rotated, the credential store's wins
 */
public record QuickBooksConfig(TenantId tenant, String source, URI baseUrl, URI tokenUrl, String realmId,
        String clientId, String clientSecret, String refreshToken, Instant startAt, int pageSize, Duration lookback,
        int minorVersion, int requestsPerMinute, int maxConcurrent, HttpSettings http) {
    static final List<ConfigField> SPEC = spec();

    static QuickBooksConfig from(SourceConfig config) {
        Function<String, String> value = name -> ConfigChecks.value(SPEC, config, name);
        return new QuickBooksConfig(config.tenant(), config.sourceName(), URI.create(trim(value.apply("base_url"))),
                URI.create(value.apply("token_url")), value.apply("realm_id"), value.apply("client_id"),
                value.apply("client_secret"), value.apply("refresh_token"),
                LocalDate.parse(value.apply("start_date")).atStartOfDay(ZoneOffset.UTC).toInstant(),
                Math.min(1000, Integer.parseInt(value.apply("page_size"))),
                Duration.ofSeconds(Long.parseLong(value.apply("lookback_seconds"))),
                Integer.parseInt(value.apply("minor_version")), Integer.parseInt(value.apply("requests_per_minute")),
                Integer.parseInt(value.apply("max_concurrent")), HttpSettings.from(value));
    }

    String subject() {
        return "tenant " + tenant + " source " + source + " (realm " + realmId + ")";
    }

    @Override
    public String toString() {
        return "QuickBooksConfig[tenant=" + tenant + ", source=" + source + ", baseUrl=" + baseUrl + ", realmId="
                + realmId + ", clientSecret=***, refreshToken=***]";
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static List<ConfigField> spec() {
        List<ConfigField> fields = new ArrayList<>(List.of(
                new ConfigField("base_url", "url", false, "https://quickbooks.api.intuit.com", false,
                        "Accounting API base URL (sandbox: https://sandbox-quickbooks.api.intuit.com)"),
                new ConfigField("token_url", "url", false,
                        "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer", false, "OAuth2 token endpoint"),
                new ConfigField("realm_id", "string", true, null, false, "The company id (realm)"),
                new ConfigField("client_id", "string", true, null, false, "OAuth2 client id of the Cairn app"),
                new ConfigField("client_secret", "string", true, null, true, "OAuth2 client secret"),
                new ConfigField("refresh_token", "string", true, null, true,
                        "Refresh token from the consent flow; rotated tokens are kept in the credential store"),
                new ConfigField("start_date", "date", false, "2000-01-01", false, "Read records updated since"),
                new ConfigField("page_size", "integer", false, "1000", false, "MAXRESULTS per query, at most 1000"),
                new ConfigField("lookback_seconds", "integer", false, "60", false,
                        "Overlap re-read before the saved cursor"),
                new ConfigField("minor_version", "integer", false, "75", false, "API minor version"),
                new ConfigField("requests_per_minute", "integer", false, "500", false, "Per-realm request limit"),
                new ConfigField("max_concurrent", "integer", false, "10", false, "Per-realm concurrent requests")));
        fields.addAll(HttpSettings.CONFIG_FIELDS);
        return List.copyOf(fields);
    }
}
