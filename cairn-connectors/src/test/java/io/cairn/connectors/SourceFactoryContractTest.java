package io.cairn.connectors;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cairn.datagen.mock.QuickBooksMockServer;
import io.cairn.datagen.mock.ShopifyMockServer;
import io.cairn.core.sync.SourceFactories;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.ConfigField;
import io.cairn.spi.source.ConfigProblem;
import io.cairn.spi.source.SourceConfig;
import io.cairn.spi.source.SourceContext;
import io.cairn.spi.source.SourceFactory;
import io.cairn.spi.source.StreamDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every connector promises through the SPI: discovery, a declared spec, per-field checks, its streams. */
class SourceFactoryContractTest {
    private static SourceConfig config(String type, Map<String, String> options) {
        SourceFactory factory = SourceFactories.find(type);
        return new SourceConfig(TenantId.of("acme"), "main", options, Set.copyOf(factory.configSpec().stream()
                .filter(ConfigField::secret).map(ConfigField::name).toList()));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void bothConnectorsAreFoundWithServiceLoader() {
        assertThat(SourceFactories.all()).extracting(SourceFactory::type).contains("shopify", "quickbooks");
        assertThatThrownBy(() -> SourceFactories.find("nosuch")).hasMessageContaining(
                "Cannot find a connector of type 'nosuch': the known types are").hasMessageContaining("shopify");
    }

    @Test
    void specsDeclareSecretsAndDefaults() {
        assertThat(SourceFactories.find("shopify").configSpec()).filteredOn(ConfigField::secret)
                .extracting(ConfigField::name).containsExactly("access_token");
        assertThat(SourceFactories.find("quickbooks").configSpec()).filteredOn(ConfigField::secret)
                .extracting(ConfigField::name).containsExactly("client_secret", "refresh_token");
        assertThat(SourceFactories.find("shopify").configSpec()).filteredOn(f -> f.name().equals("page_size"))
                .extracting(ConfigField::defaultValue).containsExactly("250");
    }

    @Test
    void checkReportsEveryBadFieldWithoutEchoingSecrets() {
        List<ConfigProblem> problems = SourceFactories.find("shopify").check(config("shopify",
                Map.of("shop_url", "ftp://x", "page_size", "many", "colour", "red")), SourceContext.inMemory());

        assertThat(problems).extracting(ConfigProblem::field)
                .containsExactly("shop_url", "access_token", "page_size", "colour");
        assertThat(problems.get(0).message()).contains("must be an http(s) URL");
        assertThat(problems.get(2).message()).isEqualTo("must be of type integer, not 'many'");
    }

    @Test
    void checkNamesTheTokenWhenTheShopRefusesIt() {
        try (ShopifyMockServer shop = new ShopifyMockServer("right-token", 1000)) {
            List<ConfigProblem> problems = SourceFactories.find("shopify").check(config("shopify", Map.of(
                    "shop_url", shop.baseUrl().toString(), "access_token", "wrong-token")), SourceContext.inMemory());

            assertThat(problems).extracting(ConfigProblem::field).containsExactly("access_token");
            assertThat(problems.get(0).message()).contains("HTTP 401").doesNotContain("wrong-token");

            assertThat(SourceFactories.find("shopify").check(config("shopify", Map.of("shop_url",
                    shop.baseUrl().toString(), "access_token", "right-token")), SourceContext.inMemory())).isEmpty();
        }
    }

    @Test
    void checkNamesTheUrlWhenNothingAnswers() throws Exception {
        Map<String, String> options = Map.of("shop_url", "http://127.0.0.1:" + closedPort(), "access_token", "t",
                "max_attempts", "2", "backoff_base_ms", "1", "backoff_cap_ms", "2");

        List<ConfigProblem> problems = SourceFactories.find("shopify").check(config("shopify", options),
                SourceContext.inMemory());

        assertThat(problems).extracting(ConfigProblem::field).containsExactly("shop_url");
        assertThat(problems.get(0).message()).startsWith("cannot be reached");
    }

    @Test
    void quickBooksCheckNamesTheRefreshTokenOnInvalidGrant() {
        try (QuickBooksMockServer server = new QuickBooksMockServer("42", "id", "secret", "rt-0")) {
            Map<String, String> options = new HashMap<>(Map.of("base_url", server.baseUrl().toString(),
                    "token_url", server.tokenUrl().toString(), "realm_id", "42", "client_id", "id",
                    "client_secret", "secret", "refresh_token", "rt-0"));
            assertThat(SourceFactories.find("quickbooks").check(config("quickbooks", options),
                    SourceContext.inMemory())).isEmpty();

            options.put("refresh_token", "rt-stale");
            List<ConfigProblem> problems = SourceFactories.find("quickbooks").check(config("quickbooks", options),
                    SourceContext.inMemory());
            assertThat(problems).extracting(ConfigProblem::field).containsExactly("refresh_token");
            assertThat(problems.get(0).message()).contains("invalid_grant");
        }
    }

    @Test
    void streamsCarryTheLandingContracts() {
        SourceFactory shopify = SourceFactories.find("shopify");
        try (var source = shopify.open(config("shopify", Map.of("shop_url", "http://127.0.0.1:1",
                "access_token", "t")), SourceContext.inMemory())) {
            assertThat(source.streams()).extracting(StreamDescriptor::name).containsExactly("orders", "refunds",
                    "transactions", "customers", "products", "inventory_levels", "locations");
            assertThat(source.stream("inventory_levels").contract().idFields())
                    .containsExactly("inventory_item_id", "location_id");
            assertThat(source.stream("refunds").contract().updatedAtField()).isEqualTo("created_at");
            assertThatThrownBy(() -> source.stream("nosuch")).hasMessageContaining("no such stream");
        }
        SourceFactory quickbooks = SourceFactories.find("quickbooks");
        try (var source = quickbooks.open(config("quickbooks", Map.of("realm_id", "1", "client_id", "c",
                "client_secret", "s", "refresh_token", "r")), SourceContext.inMemory())) {
            assertThat(source.streams()).hasSize(14).extracting(StreamDescriptor::name)
                    .contains("invoices", "bill_payments", "journal_entries", "vendors");
            assertThat(source.stream("journal_entries").contract().updatedAtField())
                    .isEqualTo("MetaData.LastUpdatedTime");
        }
    }
}
