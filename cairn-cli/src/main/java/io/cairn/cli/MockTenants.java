package io.cairn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.cairn.datagen.mock.GeneratedTenantApis;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * Generated tenants served through in-process Shopify and QuickBooks mocks, and the {@code tenants.yml} source
 * sections that read them. Each serve is a new OAuth grant (a fresh refresh token), so a rerun never presents a
 * refresh token the new mock has not issued.
 */
final class MockTenants implements AutoCloseable {
    /** The streams the generator writes, synced through the APIs (Shopify's order transactions are not generated). */
    static final String SHOPIFY_STREAMS = "orders,refunds,customers,products,inventory_levels";
    static final String QUICKBOOKS_STREAMS = "accounts,customers,items,invoices,payments,purchases,sales_receipts";

    private final Map<String, GeneratedTenantApis> apis = new LinkedHashMap<>();

    private MockTenants() {}

    /** Serves every tenant folder of {@code inbox} that has Shopify or QuickBooks files. */
    static MockTenants serve(Path inbox, List<String> tenants, double shopifyLeakPerSecond, double faultRate) {
        MockTenants mocks = new MockTenants();
        String grant = UUID.randomUUID().toString().substring(0, 8);
        try {
            for (String tenant : tenants) {
                GeneratedTenantApis served = GeneratedTenantApis.serve(inbox, tenant, grant, shopifyLeakPerSecond);
                mocks.apis.put(tenant, served);
                if (faultRate > 0) {
                    served.shopify().http().randomFaults(faultRate, tenant.hashCode());
                    served.quickbooks().http().randomFaults(faultRate, ~tenant.hashCode());
                }
            }
            return mocks;
        }
        catch (RuntimeException e) {
            mocks.close();
            throw e;
        }
    }

    /** The tenant folders under {@code inbox} with a {@code shopify} or {@code quickbooks} folder, sorted. */
    static List<String> tenantsIn(Path inbox) {
        try (Stream<Path> dirs = Files.list(inbox)) {
            return dirs.filter(dir -> Files.isDirectory(dir.resolve("shopify"))
                    || Files.isDirectory(dir.resolve("quickbooks"))).map(dir -> dir.getFileName().toString())
                    .sorted().toList();
        }
        catch (java.io.IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot list generated tenants in %s: %s", inbox,
                    e.getMessage());
        }
    }

    Map<String, GeneratedTenantApis> apis() {
        return apis;
    }

    /** The YAML lines of a source reading the mock, indented for {@code tenants.yml}; empty when not served. */
    List<String> sourceYaml(String tenant, String source, String indent) {
        GeneratedTenantApis served = apis.get(tenant);
        if (served == null || !("shopify".equals(source) || "quickbooks".equals(source))) {
            return List.of();
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("type", source);
        if ("shopify".equals(source)) {
            options.putAll(served.shopifyOptions());
            options.put("requests_per_second", "200");
            options.put("bucket_leak_per_second", "200");
            options.put("streams", SHOPIFY_STREAMS);
        }
        else {
            options.putAll(served.quickbooksOptions());
            options.put("requests_per_minute", "6000");
            options.put("streams", QUICKBOOKS_STREAMS);
        }
        options.put("backoff_base_ms", "50");
        List<String> lines = new ArrayList<>();
        lines.add(indent + source + ":");
        options.forEach((key, value) -> lines.add(indent + "  " + key + ": \"" + value.replace("\"", "'") + "\""));
        return lines;
    }

    @Override
    public void close() {
        apis.values().forEach(GeneratedTenantApis::close);
    }
}
