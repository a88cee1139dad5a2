package io.cairn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.cairn.datagen.mock.GeneratedTenantApis;
import io.cairn.datagen.Generator;
import io.cairn.datagen.GeneratorOptions;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * {@code cairn mock-apis}: serves generated tenants through Shopify- and QuickBooks-compatible APIs on loopback and
 * prints the {@code tenants.yml} sources that read them; runs until interrupted.
 */
@Command(name = "mock-apis", mixinStandardHelpOptions = true,
        description = "Serve generated tenants through Shopify- and QuickBooks-compatible mock APIs until interrupted.")
final class MockApisCommand implements Callable<Integer> {
    /** Share of requests answered with a 429 or a 503 under {@code --faults}. */
    static final double LIGHT_FAULT_RATE = 0.05;

    @Option(names = "--data", paramLabel = "DIR",
            description = "An inbox written by `cairn generate --out DIR`; without it, tenants are generated now.")
    Path data;
    @Option(names = "--tenants", defaultValue = "3", description = "Tenants to generate without --data (default: 3).")
    int tenants;
    @Option(names = "--days", defaultValue = "30", description = "Days of history to generate (default: 30).")
    int days;
    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
    long seed;
    @Option(names = "--faults", description = "Answer about 5% of requests with 429 (Retry-After) or 503.")
    boolean faults;
    @Option(names = "--write-tenants", paramLabel = "FILE",
            description = "Also write the printed tenants.yml to FILE.")
    Path tenantsFile;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path inbox = data != null ? data : generate();
        List<String> served = MockTenants.tenantsIn(inbox);
        if (served.isEmpty()) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot serve mock APIs from %s: no tenant folder there "
                    + "has shopify/ or quickbooks/ files (write some with cairn generate --out DIR)", inbox);
        }
        try (MockTenants mocks = MockTenants.serve(inbox, served, 40, faults ? LIGHT_FAULT_RATE : 0)) {
            for (GeneratedTenantApis api : mocks.apis().values()) {
                out.printf("%s%n  shopify     %s  X-Shopify-Access-Token: %s%n  quickbooks  %s  realm %s, token "
                                + "endpoint %s, client %s / %s, refresh token %s%n  serving %s%n", api.tenant(),
                        api.shopify().baseUrl(), api.shopifyOptions().get("access_token"), api.quickbooks().baseUrl(),
                        api.quickbooksOptions().get("realm_id"), api.quickbooks().tokenUrl(),
                        api.quickbooksOptions().get("client_id"), api.quickbooksOptions().get("client_secret"),
                        api.quickbooksOptions().get("refresh_token"), describe(api.served()));
            }
            String yaml = tenantsYaml(mocks, served);
            out.printf("%n# tenants.yml reading these APIs%s:%n%s%n", faults ? " (5%% of requests fail with 429/503)"
                    : "", yaml);
            if (tenantsFile != null) {
                Files.writeString(tenantsFile, yaml);
                out.printf("Wrote %s%n", tenantsFile.toAbsolutePath().normalize());
            }
            out.println("Serving until interrupted (Ctrl-C).");
            out.flush();
            new CountDownLatch(1).await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }

    private Path generate() throws IOException {
        Path dir = Files.createTempDirectory("cairn-mock-apis");
        new Generator(new GeneratorOptions(tenants, days, seed, LocalDate.of(2024, 1, 1)))
                .generate(dir.resolve("inbox"), dir.resolve("truth"));
        return dir.resolve("inbox");
    }

    static String tenantsYaml(MockTenants mocks, List<String> tenants) {
        StringBuilder yaml = new StringBuilder("tenants:\n");
        for (String tenant : tenants) {
            yaml.append("  - id: ").append(tenant).append("\n    sources:\n");
            for (String source : List.of("shopify", "quickbooks")) {
                mocks.sourceYaml(tenant, source, "      ").forEach(line -> yaml.append(line).append('\n'));
            }
        }
        return yaml.toString();
    }

    private static String describe(Map<String, Integer> served) {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(served).forEach((stream, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(stream).append(' ').append(count));
        return text.toString();
    }
}
