package io.cairn.core.tenancy;

import java.util.List;
import java.util.Map;

import io.cairn.core.controlplane.Tenancy;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.Envelope;

import static java.util.Objects.requireNonNull;

/**
 * Where one tenancy layout keeps its data. The shared layout is the schemas {@code raw}, {@code cairn},
 * {@code staging}, {@code intermediate}, {@code marts}, {@code ops} and {@code seeds}, keyed by {@code tenant_id};
 * a dedicated tenant's layout is the same schemas prefixed with {@code <tenant>_} ({@code acme_raw},
 * {@code acme_marts}, ...). No layer name ends with another one after an underscore, so two tenants' schema names
 * never collide.
 *
 * @param tenant the dedicated tenant, or null for the shared layout
 */
public record TenantLayout(TenantId tenant) {
    /** The layers of a layout, in the order a copy or a drop walks them. */
    public static final List<String> LAYERS = List.of("raw", "cairn", "seeds", "staging", "intermediate", "marts",
            "ops", "dbt_test__audit");
    /** The model-package vars naming the layout's schemas; see cairn-models' dbt_project.yml. */
    public static final String RAW_SCHEMA_VAR = "cairn_raw_schema";
    public static final String TENANTS_SCHEMA_VAR = "cairn_tenants_schema";
    public static final String SCHEMA_PREFIX_VAR = "cairn_schema_prefix";

    public static final TenantLayout SHARED = new TenantLayout(null);

    /** The layout of {@code tenant} under {@code tenancy}. */
    public static TenantLayout of(TenantId tenant, Tenancy tenancy) {
        requireNonNull(tenant, "tenant is null");
        return requireNonNull(tenancy, "tenancy is null") == Tenancy.SHARED ? SHARED : new TenantLayout(tenant);
    }

    public boolean dedicated() {
        return tenant != null;
    }

    /** {@code ""} for the shared layout, {@code <tenant>_} for a dedicated one. */
    public String prefix() {
        return tenant == null ? "" : tenant.value() + "_";
    }

    /** The schema of a layer, e.g. {@code marts} or {@code acme_marts}. */
    public String schema(String layer) {
        return prefix() + layer;
    }

    public String rawSchema() {
        return schema(Envelope.RAW_SCHEMA);
    }

    public String martsSchema() {
        return schema("marts");
    }

    /** Every schema of the layout. */
    public List<String> schemas() {
        return LAYERS.stream().map(this::schema).toList();
    }

    /** The vars that point the bundled package's sources, tenant directory and layers at this layout. */
    public Map<String, Object> engineVars() {
        return Map.of(RAW_SCHEMA_VAR, rawSchema(), TENANTS_SCHEMA_VAR, schema("cairn"), SCHEMA_PREFIX_VAR, prefix());
    }

    @Override
    public String toString() {
        return tenant == null ? "shared" : "dedicated (" + tenant + "_*)";
    }
}
