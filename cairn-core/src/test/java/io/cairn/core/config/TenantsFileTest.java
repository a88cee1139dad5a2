package io.cairn.core.config;

import io.cairn.core.controlplane.Tenancy;
import io.cairn.spi.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TenantsFileTest {
    static final String DESIGN_EXAMPLE = """
            tenants:
              - id: acme                        # ^[a-z][a-z0-9_]{1,62}$
                name: Acme Retail
                tenancy: shared                 # shared | dedicated
                timezone: America/New_York
                currency: USD                   # reporting currency
                sources:
                  shopify:                      # source name, unique per tenant
                    type: shopify
                    shop_url: https://acme.myshopify.com   # any http(s) base URL, so tests can point at a mock
                    api_version: "2025-07"
                    access_token: ${env:ACME_SHOPIFY_TOKEN}
                    start_date: 2024-01-01
                  books:
                    type: quickbooks
                    base_url: https://quickbooks.api.intuit.com
                    token_url: https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer
                    realm_id: "9130355"
                    client_id: ${env:QBO_CLIENT_ID}
                    client_secret: ${env:QBO_CLIENT_SECRET}
                    refresh_token: ${env:ACME_QBO_REFRESH_TOKEN}
                  drops:
                    type: files                 # reads <root>/inbox/<tenant>/<source>/<stream>/
            """;
    static final Map<String, String> ENV = Map.of(
            "ACME_SHOPIFY_TOKEN", "shpat_123",
            "QBO_CLIENT_ID", "client-1",
            "QBO_CLIENT_SECRET", "qbo-secret",
            "ACME_QBO_REFRESH_TOKEN", "refresh-9");

    @TempDir
    Path dir;

    @Test
    void designExampleParses() throws IOException {
        List<TenantSpec> tenants = TenantsFile.load(write(DESIGN_EXAMPLE), ENV::get);

        assertThat(tenants).containsExactly(new TenantSpec(TenantId.of("acme"), "Acme Retail", Tenancy.SHARED,
                ZoneId.of("America/New_York"), "USD", List.of(
                new SourceSpec("shopify", "shopify", "shopify", true, Map.of(
                        "shop_url", "https://acme.myshopify.com",
                        "api_version", "2025-07",
                        "access_token", "shpat_123",
                        "start_date", "2024-01-01")),
                new SourceSpec("books", "quickbooks", "quickbooks", true, Map.of(
                        "base_url", "https://quickbooks.api.intuit.com",
                        "token_url", "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
                        "realm_id", "9130355",
                        "client_id", "client-1",
                        "client_secret", "qbo-secret",
                        "refresh_token", "refresh-9")),
                new SourceSpec("drops", "files", "drops", true, Map.of()))));
    }

    @Test
    void secretsAreRedactedInToString() throws IOException {
        String shown = TenantsFile.load(write(DESIGN_EXAMPLE), ENV::get).toString();

        assertThat(shown).doesNotContain("shpat_123", "qbo-secret", "refresh-9")
                .contains("client_id=client-1", "access_token=***");
    }

    @Test
    void onlyTheIdIsRequired() throws IOException {
        List<TenantSpec> tenants = TenantsFile.load(write("tenants:\n  - id: corner_shop\n"), ENV::get);

        assertThat(tenants).containsExactly(new TenantSpec(TenantId.of("corner_shop"), "corner_shop",
                Tenancy.SHARED, ZoneId.of("UTC"), "USD", List.of()));
    }

    @Test
    void systemAndEnabledAreRead() throws IOException {
        List<TenantSpec> tenants = TenantsFile.load(write("""
                tenants:
                  - id: beta
                    tenancy: dedicated
                    currency: EUR
                    timezone: Europe/Berlin
                    sources:
                      pos_feed:
                        type: files
                        system: square
                        enabled: false
                        pattern: "*.csv"
                """), ENV::get);

        assertThat(tenants.get(0).tenancy()).isEqualTo(Tenancy.DEDICATED);
        assertThat(tenants.get(0).sources())
                .containsExactly(new SourceSpec("pos_feed", "files", "square", false, Map.of("pattern", "*.csv")));
    }

    @Test
    void badTenantIdIsNamed() throws IOException {
        ConfigException error = loadFails("tenants:\n  - id: Acme-Retail\n    name: Acme\n");

        assertError(error, 2, "tenants[0].id");
        assertThat(error.getMessage()).endsWith("invalid tenant id 'Acme-Retail' (expected ^[a-z][a-z0-9_]{1,62}$)");
    }

    @Test
    void duplicateTenantIdPointsAtTheSecond() throws IOException {
        ConfigException error = loadFails("tenants:\n  - id: acme\n  - id: beta\n  - id: acme\n");

        assertError(error, 4, "tenants[2].id");
        assertThat(error.getMessage()).endsWith("duplicate tenant id 'acme' (first at line 2)");
    }

    @Test
    void badTimeZoneIsNamed() throws IOException {
        ConfigException error = loadFails("tenants:\n  - id: acme\n    timezone: Mars/Olympus_Mons\n");

        assertError(error, 3, "tenants[0].timezone");
        assertThat(error.getMessage()).contains("unknown time zone 'Mars/Olympus_Mons'");
    }

    @Test
    void badCurrencyIsNamed() throws IOException {
        ConfigException lowerCase = loadFails("tenants:\n  - id: acme\n    currency: usd\n");
        ConfigException unknown = loadFails("tenants:\n  - id: acme\n\n    currency: ABC\n");

        assertError(lowerCase, 3, "tenants[0].currency");
        assertThat(lowerCase.getMessage()).contains("unknown currency 'usd'");
        assertError(unknown, 4, "tenants[0].currency");
        assertThat(unknown.getMessage()).contains("unknown currency 'ABC'");
    }

    @Test
    void unsetEnvironmentVariableIsNamed() throws IOException {
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> TenantsFile.load(write(DESIGN_EXAMPLE), Map.of("ACME_SHOPIFY_TOKEN", "x")::get));

        assertError(error, 19, "tenants[0].sources.books.client_id");
        assertThat(error.getMessage()).endsWith("environment variable 'QBO_CLIENT_ID' is not set");
    }

    @Test
    void unknownTenantKeyListsTheKnownOnes() throws IOException {
        ConfigException error = loadFails("tenants:\n  - id: acme\n    tenency: shared\n");

        assertError(error, 3, "tenants[0].tenency");
        assertThat(error.getMessage())
                .endsWith("unknown key 'tenency' (known keys: currency, id, name, sources, tenancy, timezone)");
    }

    @Test
    void unknownTenancyIsNamed() throws IOException {
        ConfigException error = loadFails("tenants:\n  - id: acme\n    tenancy: private\n");

        assertError(error, 3, "tenants[0].tenancy");
        assertThat(error.getMessage()).endsWith("unknown tenancy 'private' (expected one of shared, dedicated)");
    }

    @Test
    void sourceNameAndTypeAreChecked() throws IOException {
        ConfigException badName = loadFails("tenants:\n  - id: acme\n    sources:\n      Shopify:\n        type: x\n");
        ConfigException noType = loadFails("tenants:\n  - id: acme\n    sources:\n      shop:\n        url: x\n");
        ConfigException twice = loadFails(
                "tenants:\n  - id: acme\n    sources:\n      shop:\n        type: a\n      shop:\n        type: b\n");

        assertError(badName, 4, "tenants[0].sources.Shopify");
        assertThat(badName.getMessage()).contains("invalid source name 'Shopify'");
        assertError(noType, 4, "tenants[0].sources.shop");
        assertThat(noType.getMessage()).contains("source 'shop' has no 'type'");
        assertError(twice, 6, "tenants[0].sources.shop");
        assertThat(twice.getMessage()).endsWith("duplicate key 'shop' (first at line 4)");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.yml");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> TenantsFile.load(missing));

        assertThat(error.file()).isEqualTo(missing);
        assertThat(error.getMessage()).isEqualTo("Cannot read " + missing + ": the file does not exist");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("tenants.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private ConfigException loadFails(String yaml) throws IOException {
        Path file = write(yaml);
        return catchThrowableOfType(ConfigException.class, () -> TenantsFile.load(file, ENV::get));
    }

    private void assertError(ConfigException error, int line, String key) {
        assertThat(error).as("a ConfigException").isNotNull();
        assertThat(error.file()).isEqualTo(dir.resolve("tenants.yml"));
        assertThat(error.line()).as(error.getMessage()).isEqualTo(line);
        assertThat(error.key()).as(error.getMessage()).isEqualTo(key);
        assertThat(error.getMessage()).startsWith("Cannot read " + dir.resolve("tenants.yml") + ": line " + line
                + ", key '" + key + "': ");
    }
}
