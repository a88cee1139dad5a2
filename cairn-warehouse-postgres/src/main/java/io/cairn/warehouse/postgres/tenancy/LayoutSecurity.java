package io.cairn.warehouse.postgres.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.warehouse.postgres.PostgresDialect;

import static java.util.Objects.requireNonNull;

/**
 * Tenant isolation per layout, a layout being named by its schema prefix: {@code ""} for the shared schemas (granted
 * to every tenant reader through {@value TenantRoles#READERS}), {@code <tenant>_} for a dedicated tenant's (granted to
 * that tenant's reader alone). Secures a layout after a model build, and moves a tenant's access to the layout its
 * data was moved to.
 */
public final class LayoutSecurity {
    private static final Logger LOG = LoggerFactory.getLogger(LayoutSecurity.class);

    private final IsolationLayout shared;

    /** @param shared the shared layout; a dedicated tenant's is this one prefixed */
    public LayoutSecurity(IsolationLayout shared) {
        this.shared = requireNonNull(shared, "shared is null");
    }

    /** The isolation layout with {@code schemaPrefix}; refuses a prefix that is neither {@code ""} nor a tenant's. */
    public IsolationLayout layout(String schemaPrefix) {
        return tenantOf(schemaPrefix).map(tenant -> shared.prefixed(schemaPrefix, TenantRoles.reader(tenant)))
                .orElse(shared);
    }

    /**
     * Secures every relation a model build left in the layout (row-level security, policies, reader grants) and
     * masks {@code masked}. A dedicated tenant's reader role is created when missing; the membership of existing
     * readers is left alone, so a build of a tenant's new layout during a move does not cut it off its old one.
     */
    public IsolationReport secureBuild(Connection connection, String schemaPrefix, MaskedColumns masked)
            throws SQLException {
        Optional<TenantId> tenant = tenantOf(schemaPrefix);
        List<TenantId> newReaders = new ArrayList<>();
        if (tenant.isPresent() && !TenantRoles.roleExists(connection, TenantRoles.reader(tenant.get()))) {
            newReaders.add(tenant.get());
        }
        return new RowLevelSecurity(layout(schemaPrefix)).apply(connection, newReaders, masked);
    }

    /**
     * Gives the tenant's reader the layout with {@code schemaPrefix} and nothing else, once its data was moved
     * there: the layout secured and granted to it, membership of {@value TenantRoles#READERS} joined (shared) or left
     * (dedicated), the masking schemas of its dedicated layout dropped when it moved to the shared one, and a reader
     * login's {@code search_path} pointed at the new layout. Returns what it changed, one line each.
     */
    public List<String> relocate(Connection connection, TenantId tenant, String schemaPrefix) throws SQLException {
        if (tenantOf(schemaPrefix).filter(tenant::equals).isEmpty() && !schemaPrefix.isEmpty()) {
            throw new CairnException(ErrorCode.INTERNAL, "Cannot move the access of tenant %s to schema prefix "
                    + "'%s': it is neither the shared layout's nor the tenant's own", tenant, schemaPrefix);
        }
        IsolationLayout layout = layout(schemaPrefix);
        List<String> changes = new ArrayList<>();
        IsolationReport report = new RowLevelSecurity(layout).apply(connection, List.of(tenant));
        changes.add(report.tablesSecured().size() + " tables newly secured, " + report.readerGrants().size()
                + " reader grants in " + layout.readerSchemas());
        if (schemaPrefix.isEmpty()) {
            for (String schema : TenantRoles.maskingSchemas(tenant)) {
                if (TenantRoles.schemaExists(connection, schema)) {
                    Sql.execute(connection, "DROP SCHEMA " + PostgresDialect.INSTANCE.quote(schema) + " CASCADE");
                    changes.add("dropped schema " + schema);
                }
            }
        }
        if (ReaderLogins.canLogin(connection, tenant)) {
            ReaderLogins.pointAt(connection, tenant, layout);
            changes.add("search_path of login " + TenantRoles.reader(tenant) + " set to "
                    + ReaderLogins.schemas(layout));
        }
        LOG.info("Access of tenant {} moved to {}: {}", tenant, layout.readerSchemas(), changes);
        return changes;
    }

    /** The dedicated tenant a schema prefix names, or empty for the shared layout's {@code ""}. */
    static Optional<TenantId> tenantOf(String schemaPrefix) {
        if (requireNonNull(schemaPrefix, "schemaPrefix is null").isEmpty()) {
            return Optional.empty();
        }
        String tenant = schemaPrefix.substring(0, schemaPrefix.length() - 1);
        if (!schemaPrefix.endsWith("_") || !TenantId.isValid(tenant)) {
            throw new CairnException(ErrorCode.INTERNAL, "Cannot secure the layout with schema prefix '%s': it is "
                    + "neither the shared layout's ('') nor a tenant's ('<tenant>_')", schemaPrefix);
        }
        return Optional.of(TenantId.of(tenant));
    }
}
