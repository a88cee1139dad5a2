package io.cairn.core.controlplane;

import io.cairn.core.credentials.MasterKey;
import io.cairn.core.credentials.MasterKeys;
import io.cairn.spi.TenantId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** Tenants, sources and loads shared by the control-plane tests. */
final class ControlPlaneFixtures {
    static final TenantId ACME = TenantId.of("acme");
    static final TenantId BETA = TenantId.of("beta");
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");
    static final Tenant ACME_TENANT = new Tenant(ACME, "Acme Retail", Tenancy.SHARED, ZoneId.of("America/New_York"),
            "USD", T0);
    static final Tenant BETA_TENANT = new Tenant(BETA, "Beta Books", Tenancy.DEDICATED, ZoneId.of("Europe/Berlin"),
            "EUR", T0);
    static final SourceDefinition SHOPIFY = new SourceDefinition(ACME, "shopify", "shopify", "shopify", true,
            Map.of("shop_url", "https://acme.myshopify.com", "access_token", "shpat_1"));
    /** {@link #SHOPIFY} as {@code sources} stores it: the token is in the credential store, masked here. */
    static final SourceDefinition SHOPIFY_STORED = new SourceDefinition(ACME, "shopify", "shopify", "shopify", true,
            Map.of("shop_url", "https://acme.myshopify.com", "access_token", "***"));
    static final MasterKey KEY_1 = MasterKey.of(bytes(1));
    static final MasterKey KEY_2 = MasterKey.of(bytes(2));
    static final MasterKeys KEYS = MasterKeys.of(KEY_1);

    private ControlPlaneFixtures() {
    }

    static byte[] bytes(int seed) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }

    static LoadRecord moving(String loadId, TenantId tenant, String source, Instant createdAt) {
        return LoadRecord.moving(loadId, tenant, source, "orders", "inbox/" + tenant + "/" + source + "/orders/a.jsonl",
                "raw/" + tenant + "/" + source + "/orders/ingest_date=2025-03-01/" + loadId + ".jsonl", "jsonl", 4096,
                createdAt);
    }
}
