package io.cairn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.connectors.common.Json;
import io.cairn.datagen.mock.ShopifyMockServer;

import static io.cairn.cli.CliTest.cairn;
import static org.assertj.core.api.Assertions.assertThat;

/** The connector commands against real loopback servers: sync, sources check|discover, mock-apis, credentials. */
class ConnectorCliTest {
    private static final String TOKEN = "shpat_cli_S3CRET_77";

    @TempDir
    Path dir;
    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    private ShopifyMockServer shopWithOrders(int count) {
        ShopifyMockServer shop = new ShopifyMockServer(TOKEN, 1000);
        servers.add(shop);
        List<ObjectNode> orders = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            orders.add(Json.object().put("id", 1000 + i).put("currency", "USD").put("total_price", "10.0" + i)
                    .put("updated_at", "2024-03-0" + i + "T10:00:00Z"));
        }
        shop.put("orders", orders);
        shop.put("events", List.of());
        return shop;
    }

    private void writeTenants(String sources) throws Exception {
        Files.writeString(dir.resolve("tenants.yml"), "tenants:\n  - id: acme\n    sources:\n" + sources);
    }

    private static String shopifySource(String name, String url, String token) {
        return "      " + name + ":\n        type: shopify\n        shop_url: " + url + "\n        access_token: " + token
                + "\n        requests_per_second: 100\n        bucket_leak_per_second: 1000\n        streams: orders\n";
    }

    @Test
    void syncReadsAConnectorSourceAndResumesFromItsCursor() throws Exception {
        ShopifyMockServer shop = shopWithOrders(3);
        writeTenants(shopifySource("shopify", shop.baseUrl().toString(), TOKEN));

        CliTest.Run first = cairn("sync", "-p", dir.toString());

        assertThat(first.exit()).as(first.err() + first.out()).isZero();
        assertThat(rows(first.out())).singleElement().satisfies(row -> assertThat(cells(row))
                .startsWith("acme", "shopify/orders", "1", "3", "3", "0", "0", "0").endsWith("3"));
        shop.upsert("orders", Json.object().put("id", 1009).put("currency", "USD").put("total_price", "1.00")
                .put("updated_at", "2024-04-01T10:00:00Z"));

        CliTest.Run second = cairn("sync", "-p", dir.toString());

        assertThat(rows(second.out())).singleElement().satisfies(row -> assertThat(cells(row))
                .as("reads from the cursor minus the lookback: the new order, and the last one again")
                .startsWith("acme", "shopify/orders", "1", "2", "1", "1", "0").endsWith("4"));
    }

    @Test
    void secretsFromTenantsYmlAreEncryptedInTheControlPlaneAndNeverPrinted() throws Exception {
        ShopifyMockServer shop = shopWithOrders(1);
        writeTenants(shopifySource("shopify", shop.baseUrl().toString(), TOKEN));

        CliTest.Run sync = cairn("sync", "-p", dir.toString());
        CliTest.Run list = cairn("credentials", "list", "-p", dir.toString());

        assertThat(sync.exit()).as(sync.err()).isZero();
        assertThat(list.out()).contains("acme", "shopify", "option.access_token", "ok");
        byte[] database = Files.readAllBytes(dir.resolve(".cairn/control.mv.db"));
        assertThat(new String(database, StandardCharsets.ISO_8859_1)).as("H2 file").doesNotContain("S3CRET")
                .contains("option.access_token");
        assertThat(sync.out() + sync.err() + list.out()).doesNotContain("S3CRET");
        assertThat(dir.resolve(".cairn/master.key")).exists();
    }

    @Test
    void credentialsRotateReencryptsAndSyncStillWorks() throws Exception {
        ShopifyMockServer shop = shopWithOrders(2);
        writeTenants(shopifySource("shopify", shop.baseUrl().toString(), TOKEN));
        assertThat(cairn("sync", "-p", dir.toString()).exit()).isZero();
        String keyBefore = Files.readString(dir.resolve(".cairn/master.key"));

        CliTest.Run rotate = cairn("credentials", "rotate", "-p", dir.toString());

        assertThat(rotate.out()).as(rotate.err()).startsWith("Re-encrypted 1 credential(s) with master key [");
        assertThat(Files.readString(dir.resolve(".cairn/master.key"))).isNotEqualTo(keyBefore);
        CliTest.Run sync = cairn("sync", "-p", dir.toString());
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
    }

    @Test
    void sourcesCheckPrintsPerFieldProblemsAndExitsOne() throws Exception {
        ShopifyMockServer shop = shopWithOrders(1);
        writeTenants(shopifySource("good", shop.baseUrl().toString(), TOKEN)
                + shopifySource("refused", shop.baseUrl().toString(), "shpat_wrong")
                + "      incomplete:\n        type: quickbooks\n        realm_id: \"1\"\n"
                + "      drops:\n        type: files\n");

        CliTest.Run run = cairn("sources", "check", "-p", dir.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(Main.DATA_FAILURE);
        List<String> rows = rows(run.out());
        assertThat(rows).anySatisfy(row -> assertThat(cells(row)).containsExactly("acme", "good", "shopify", "ok"));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("acme").contains("refused", "access_token",
                "was refused by the shop (HTTP 401)"));
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("incomplete", "client_id", "is required"));
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("incomplete", "client_secret", "is required"));
        assertThat(rows).anySatisfy(row -> assertThat(cells(row)).containsExactly("acme", "drops", "files", "ok"));
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("incomplete", "refresh_token", "is required"));
        assertThat(run.out()).contains("4 problem(s)");

        CliTest.Run good = cairn("sources", "check", "-p", dir.toString(), "--source", "good");
        assertThat(good.exit()).isZero();
        assertThat(good.out()).contains("Every source is ready to sync.");
    }

    @Test
    void sourcesDiscoverListsStreamsWithTheirContracts() throws Exception {
        writeTenants(shopifySource("shopify", "https://acme.example", TOKEN));

        CliTest.Run byType = cairn("sources", "discover", "--type", "quickbooks");
        CliTest.Run bySource = cairn("sources", "discover", "-p", dir.toString());

        assertThat(byType.exit()).as(byType.err()).isZero();
        assertThat(rows(byType.out())).hasSize(14).anySatisfy(row -> assertThat(cells(row)).startsWith("-",
                "quickbooks", "invoices", "yes", "Id", "MetaData.LastUpdatedTime", "status=Deleted", "yes"));
        assertThat(rows(bySource.out())).hasSize(7);
        assertThat(rows(bySource.out())).anySatisfy(row -> assertThat(cells(row)).startsWith("acme", "shopify",
                "orders", "yes", "id", "updated_at", "_cairn_deleted=true", "yes"));
        assertThat(rows(bySource.out())).anySatisfy(row -> assertThat(cells(row)).startsWith("acme", "shopify",
                "locations", "full", "id", "updated_at", "_cairn_deleted=true", "no"));
    }

    @Test
    void mockApisServeGeneratedTenantsUntilInterrupted() throws Exception {
        Path tenantsFile = dir.resolve("tenants.yml");
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(),
                true), "mock-apis", "--tenants", "2", "--days", "3", "--seed", "5", "--faults", "--write-tenants",
                tenantsFile.toString())));
        serving.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!out.toString().contains("Serving until interrupted") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        try {
            assertThat(out.toString()).contains("acme", "globex", "X-Shopify-Access-Token: shpat_mock_acme",
                    "refresh token mock-rt-acme-", "serving ", "shopify/orders ", "quickbooks/invoices ");
            CliTest.Run sync = cairn("sync", "-p", dir.toString(), "--tenant", "globex");
            assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
            assertThat(rows(sync.out())).extracting(row -> cells(row).get(1)).contains("shopify/orders",
                    "shopify/refunds", "quickbooks/invoices", "quickbooks/items");
        }
        finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertThat(exit.get()).isZero();
    }

    static List<String> rows(String out) {
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("tenant ")) {
                inTable = true;
            }
            else if (inTable && line.isBlank()) {
                break;
            }
            else if (inTable && !line.startsWith("---")) {
                rows.add(line.strip());
            }
        }
        return rows;
    }

    static List<String> cells(String row) {
        return List.of(row.split("\\s+"));
    }
}
