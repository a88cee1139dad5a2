package io.cairn.core.config;

import io.cairn.core.controlplane.Tenancy;
import io.cairn.spi.TenantId;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads {@code tenants.yml}: a list of tenants, each with its sources keyed by name. */
public final class TenantsFile {
    static final String DEFAULT_TIMEZONE = "UTC";
    static final String DEFAULT_CURRENCY = "USD";
    private static final Set<String> TOP_KEYS = Set.of("tenants");
    private static final Set<String> TENANT_KEYS = Set.of("id", "name", "tenancy", "timezone", "currency", "sources");

    private TenantsFile() {
    }

    /** Reads {@code file} with {@code ${env:NAME}} read from the process environment. */
    public static List<TenantSpec> load(Path file) {
        return load(file, System::getenv);
    }

    /** Reads {@code file} with {@code ${env:NAME}} read from {@code env}. */
    public static List<TenantSpec> load(Path file, Function<String, String> env) {
        YamlMapping top = YamlNode.parse(file.toAbsolutePath().normalize(), env).mapping().allowOnly(TOP_KEYS);
        List<TenantSpec> tenants = new ArrayList<>();
        Map<TenantId, Integer> firstLines = new HashMap<>();
        for (YamlNode node : top.get("tenants").map(YamlNode::sequence).orElse(List.of())) {
            YamlMapping tenant = node.mapping().allowOnly(TENANT_KEYS);
            TenantSpec spec = tenant(tenant);
            YamlNode id = tenant.require("id");
            Integer first = firstLines.putIfAbsent(spec.id(), id.line());
            if (first != null) {
                throw id.error("duplicate tenant id '%s' (first at line %d)", spec.id(), first);
            }
            tenants.add(spec);
        }
        return List.copyOf(tenants);
    }

    private static TenantSpec tenant(YamlMapping tenant) {
        YamlNode idNode = tenant.require("id");
        String id = idNode.string();
        if (!TenantId.isValid(id)) {
            throw idNode.error("invalid tenant id '%s' (expected %s)", id, TenantId.PATTERN.pattern());
        }
        List<SourceSpec> sources = new ArrayList<>();
        YamlMapping sourcesNode = tenant.mapping("sources");
        sourcesNode.entries().forEach((name, source) -> sources.add(SourceSection.read(sourcesNode, name, source)));
        return new TenantSpec(TenantId.of(id), tenant.string("name", id), tenancy(tenant), timezone(tenant),
                currency(tenant), sources);
    }

    private static Tenancy tenancy(YamlMapping tenant) {
        return tenant.get("tenancy").map(node -> Tenancy.fromId(node.string()).orElseThrow(() -> node.error(
                "unknown tenancy '%s' (expected one of shared, dedicated)", node.string()))).orElse(Tenancy.SHARED);
    }

    private static ZoneId timezone(YamlMapping tenant) {
        return tenant.get("timezone").map(node -> {
            try {
                return ZoneId.of(node.string());
            } catch (DateTimeException e) {
                throw node.error("unknown time zone '%s' (expected an IANA zone such as America/New_York)",
                        node.string());
            }
        }).orElse(ZoneId.of(DEFAULT_TIMEZONE));
    }

    private static String currency(YamlMapping tenant) {
        return tenant.get("currency").map(node -> {
            String code = node.string();
            if (!code.matches("[A-Z]{3}") || !isKnownCurrency(code)) {
                throw node.error("unknown currency '%s' (expected an ISO 4217 code such as USD)", code);
            }
            return code;
        }).orElse(DEFAULT_CURRENCY);
    }

    private static boolean isKnownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
