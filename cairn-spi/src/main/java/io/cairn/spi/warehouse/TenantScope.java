package io.cairn.spi.warehouse;

import java.sql.Connection;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

/**
 * Tenant-scoped access to a warehouse: connections that can see one tenant's published data and nothing else,
 * enforced by the engine (per-tenant copies, row-level security), never by inspecting the SQL a tenant sends.
 * A tenant connection reads the schemas {@value #MARTS_SCHEMA} (the tenant's rows of every mart with a
 * {@code tenant_id}) and {@value #OPS_SCHEMA} (at least the tenant's rows of {@code ops.dq_results}); it cannot
 * write, reach files or change its own limits. Thread-safe.
 */
public interface TenantScope {
    /** The schema holding the tenant's marts on a tenant connection. */
    String MARTS_SCHEMA = "marts";
    /** The schema holding the tenant's data-quality results ({@code dq_results}) on a tenant connection. */
    String OPS_SCHEMA = "ops";

    /**
     * Makes the warehouse's current marts and quality results readable to these tenants (DuckDB: writes a new copy
     * per tenant and swaps it in atomically; PostgreSQL: brings roles, grants and row-level security up to date).
     * Call it after every model build.
     */
    void publish(Collection<TenantId> tenants);

    /**
     * Secures what a model build created or replaced in one layout before tenant readers may see it. The model
     * engine calls it at the end of every command that builds relations (build, run, seed), whatever started it (the
     * CLI, a pipeline step, an API-triggered or scheduled run, a tenant move), so no build path leaves a relation
     * without its engine's isolation. PostgreSQL: row-level security, both policies and reader grants on every
     * relation with {@code tenant_id} in the layout's schemas (a table swapped in by a build has none), with
     * {@code piiColumns} masked. Does nothing by default (DuckDB serves per-tenant copies written by
     * {@link #publish}).
     *
     * @param schemaPrefix the layout built: {@code ""} for the shared schemas, {@code <tenant>_} for a dedicated
     *         tenant's (refused otherwise)
     * @param piiColumns PII column names by relation ({@code schema.table}) as the build named them
     */
    default void secureBuild(String schemaPrefix, Map<String, Set<String>> piiColumns) {
    }

    /**
     * Brings a tenant's access in line with the layout its data was just moved to ({@code schemaPrefix} as for
     * {@link #locate}), once the old copy is gone: its reader reads the new layout and nothing else. Called by
     * the tenant move after its flip. Does nothing by default.
     */
    default void relocate(TenantId tenant, String schemaPrefix) {
    }

    /**
     * A new read-only connection that sees only {@code tenant}'s published data; the caller closes it. Publishes
     * the tenant first when it has never been published or its copy is stale. Where the engine has a statement
     * timeout it is set to {@code statementTimeout}; callers still cancel statements that run longer, which works
     * on every engine.
     */
    Connection connect(TenantId tenant, Duration statementTimeout);

    /**
     * Tells the scope where each tenant's data lives in the warehouse, as the prefix of its schemas: {@code ""} for
     * a tenant in the shared schemas, {@code "<tenant>_"} for a dedicated tenant ({@code acme_marts},
     * {@code acme_ops}). Until it is called every tenant is taken to be in the shared schemas. The function is
     * asked on every publish and connect, so it may read the current tenancy.
     */
    default void locate(Function<TenantId, String> schemaPrefix) {
    }

    /**
     * Names what the tenant's connections currently see: it changes whenever a publish may have changed the tenant's
     * relations or their columns, so callers may cache per version what they looked up about them (serving caches
     * each mart's columns). Empty when the engine cannot tell (callers then cache nothing), the default.
     */
    default Optional<String> publishedVersion(TenantId tenant) {
        return Optional.empty();
    }

    /** The schema holding the tenant's marts on its tenant connection; {@value #MARTS_SCHEMA} unless overridden. */
    default String martsSchema(TenantId tenant) {
        return MARTS_SCHEMA;
    }

    /** The schema holding the tenant's {@code dq_results} on its tenant connection; {@value #OPS_SCHEMA} unless overridden. */
    default String opsSchema(TenantId tenant) {
        return OPS_SCHEMA;
    }

    /**
     * What the warehouse holds for the tenant's access beyond its data (PostgreSQL: its reader, PII and serving
     * roles and its masking schemas), by kind and name; none by default.
     */
    default List<String> accessObjects(TenantId tenant) {
        return List.of();
    }

    /**
     * Removes {@link #accessObjects} for an offboarded tenant (ending its open sessions) and returns what was
     * removed; call it once the tenant's data is gone. Removes nothing by default.
     */
    default List<String> removeAccess(TenantId tenant) {
        return List.of();
    }

    /**
     * The tenant's schema prefix as {@code locator} gives it: {@code ""} for a shared tenant, {@code <tenant>_} for
     * a dedicated one; any other prefix is refused, so a wrong locator can never point a tenant at another's data.
     */
    static String schemaPrefix(Function<TenantId, String> locator, TenantId tenant) {
        String prefix = locator.apply(tenant);
        if (!prefix.isEmpty() && !prefix.equals(tenant.value() + "_")) {
            throw new CairnException(ErrorCode.INTERNAL, "Cannot locate the data of tenant %s: schema prefix '%s' is "
                    + "neither the shared layout's nor the tenant's own", tenant, prefix);
        }
        return prefix;
    }
}
