package io.cairn.warehouse.postgres.tenancy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.warehouse.postgres.PostgresDialect;

/**
 * Generates tenant isolation on a PostgreSQL warehouse, idempotently, in one transaction: the roles of
 * {@link TenantRoles}; schema and table privileges; and on every table with a {@code tenant_id} column in the
 * layout's schemas, {@code ENABLE} and {@code FORCE ROW LEVEL SECURITY} with two policies: {@value #PIPELINE_POLICY}
 * (admin, loader and transformer see and write every row) and {@value #READER_POLICY} (a tenant reader selects the
 * rows whose {@code tenant_id} is its own). Tenant readers get {@code SELECT} only on secured tables in reader
 * schemas; everything else there is withheld (revoked) and reported: relations without {@code tenant_id},
 * materialized and foreign tables (PostgreSQL cannot put row-level security on them), and, before PostgreSQL 15,
 * views, which would read their tables with their owner's rights. On 15 and later a view with {@code tenant_id} is
 * switched to {@code security_invoker} and granted. Run it after every landing of a new stream and every model
 * build; a relation created in between is invisible to readers until the next run.
 *
 * <p>Needs a role that owns the secured relations (or is a superuser) and may create roles.
 */
public final class RowLevelSecurity {
    public static final String PIPELINE_POLICY = "cairn_pipeline";
    public static final String READER_POLICY = "cairn_tenant_reader";
    /**
     * Commented on every reader policy: the version of its expression. Version 2 gives the tenant expression the
     * database's default collation ({@code current_user} is a {@code name}, collation "C"), without which the
     * policy cannot use an index on {@code tenant_id}; a policy without it is updated in place.
     */
    static final String READER_POLICY_VERSION = "cairn reader policy v2";
    private static final Logger LOG = LoggerFactory.getLogger(RowLevelSecurity.class);
    /** The first key of Cairn's advisory locks ("CAIR"), as in the raw loader; the second is this class's. */
    private static final int LOCK_CLASS = 0x43414952;
    private static final int LOCK_KEY = 0x524c53;
    private static final int SECURITY_INVOKER_VERSION = 150000;
    /** SQLSTATE deadlock_detected. */
    private static final String DEADLOCK = "40P01";
    private static final int DEADLOCK_ATTEMPTS = 3;

    private final PostgresDialect dialect = PostgresDialect.INSTANCE;
    private final IsolationLayout layout;
    private final PiiMasking masking;

    public RowLevelSecurity(IsolationLayout layout) {
        this.layout = java.util.Objects.requireNonNull(layout, "layout is null");
        this.masking = new PiiMasking(layout);
    }

    /**
     * Brings roles, privileges and policies up to date for the given tenants; returns what changed. PII masking is
     * left as the last {@link #apply(Connection, Collection, MaskedColumns)} made it (a new table is granted whole).
     */
    public IsolationReport apply(Connection connection, Collection<TenantId> tenants) {
        return apply(connection, tenants, null);
    }

    /**
     * As {@link #apply(Connection, Collection)}, and also brings PII masking in line with {@code masked} (see
     * {@link PiiMasking}): tables with PII columns get column grants and a masking view, tables without lose theirs.
     */
    public IsolationReport apply(Connection connection, Collection<TenantId> tenants, MaskedColumns masked) {
        return inTransaction(connection, () -> applyInTransaction(connection, tenants, masked));
    }

    /** The schema holding the masking views of a reader schema's tables with PII columns. */
    public static String maskedSchema(String readerSchema) {
        return PiiMasking.maskedSchema(readerSchema);
    }

    /**
     * Drops every masking view, so that a model build may replace the tables they read; the next {@link #apply}
     * with the project's PII columns creates them again. Returns how many were dropped.
     */
    public int dropMaskingViews(Connection connection) {
        return inTransaction(connection, () -> masking.dropViews(connection));
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs the work in one transaction, again when PostgreSQL chose it as a deadlock victim: the work updates the
     * catalog rows of many tables (grants) before it locks each of them for {@code ALTER TABLE}, and an autovacuum
     * ANALYZE of a freshly built table holds that table while it waits for the catalog row (PostgreSQL 14.14 and later
     * wait there). The work is idempotent and the rolled-back attempt left nothing behind.
     */
    private <T> T inTransaction(Connection connection, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inOneTransaction(connection, work);
            }
            catch (CairnException e) {
                if (attempt >= DEADLOCK_ATTEMPTS || !(e.getCause() instanceof SQLException sql)
                        || !DEADLOCK.equals(sql.getSQLState())) {
                    throw e;
                }
                LOG.warn("Applying tenant isolation to schemas {} was a deadlock victim (attempt {} of {}); retrying",
                        layout.allSchemas(), attempt, DEADLOCK_ATTEMPTS);
            }
        }
    }

    private <T> T inOneTransaction(Connection connection, Work<T> work) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            }
            catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot apply tenant isolation to schemas %s: %s",
                    layout.allSchemas(), e.getMessage());
        }
    }

    private IsolationReport applyInTransaction(Connection connection, Collection<TenantId> tenants,
            MaskedColumns masked) throws SQLException {
        Sql.execute(connection, "SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", " + LOCK_KEY + ")");
        List<String> roles = TenantRoles.create(connection, tenants,
                layout.readerRole().equals(TenantRoles.READERS));
        grantSchemas(connection);
        if (masked != null) {
            masking.prepareSchemas(connection);
        }
        Changes changes = new Changes();
        boolean invokerViews = serverVersion(connection) >= SECURITY_INVOKER_VERSION;
        for (Relation relation : Relation.list(connection, layout.allSchemas())) {
            if (relation.hasTenantId() && relation.isTable()) {
                secureTable(connection, relation, changes);
            }
            if (layout.readerSchemas().contains(relation.schema())) {
                Set<String> pii = masked == null ? Set.of() : masked.of(relation.schema(), relation.name());
                exposeToReaders(connection, relation, invokerViews, pii, changes);
                if (masked != null && relation.hasTenantId() && relation.isTable()) {
                    masking.apply(connection, relation, pii, changes);
                }
            }
        }
        for (String foreign : changes.foreignPolicies) {
            LOG.warn("Policy {} was not created by Cairn; a permissive policy widens what tenant readers see", foreign);
        }
        IsolationReport report = new IsolationReport(roles, changes.secured, changes.policies, changes.grants,
                changes.withheld, changes.foreignPolicies, changes.maskingViews);
        LOG.info("Tenant isolation applied: {} roles, {} tables secured, {} policies, {} reader grants, {} masking "
                        + "views created; {} relations withheld", report.rolesCreated().size(),
                report.tablesSecured().size(), report.policiesCreated().size(), report.readerGrants().size(),
                report.maskingViews().size(), report.withheld().size());
        return report;
    }

    /** What one run changed, filled in as it goes. */
    static final class Changes {
        final List<String> secured = new ArrayList<>();
        final List<String> policies = new ArrayList<>();
        final List<String> grants = new ArrayList<>();
        final List<String> withheld = new ArrayList<>();
        final List<String> foreignPolicies = new ArrayList<>();
        final List<String> maskingViews = new ArrayList<>();
    }

    private void grantSchemas(Connection connection) throws SQLException {
        String raw = dialect.quote(layout.rawSchema());
        Sql.execute(connection, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        for (String schema : layout.allSchemas()) {
            String quoted = dialect.quote(schema);
            Sql.execute(connection, "CREATE SCHEMA IF NOT EXISTS " + quoted);
            Sql.execute(connection, "REVOKE ALL ON SCHEMA " + quoted + " FROM PUBLIC");
            Sql.execute(connection, "GRANT ALL ON SCHEMA " + quoted + " TO " + TenantRoles.ADMIN);
            Sql.execute(connection, "GRANT ALL ON ALL TABLES IN SCHEMA " + quoted + " TO " + TenantRoles.ADMIN);
            if (!layout.readerSchemas().contains(schema)) {
                Sql.execute(connection, "REVOKE ALL ON SCHEMA " + quoted + " FROM " + layout.readerRole());
            }
        }
        Sql.execute(connection, "GRANT USAGE, CREATE ON SCHEMA " + raw + " TO " + TenantRoles.LOADER);
        Sql.execute(connection, "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA " + raw + " TO " + TenantRoles.LOADER);
        Sql.execute(connection, "GRANT USAGE ON SCHEMA " + raw + " TO " + TenantRoles.TRANSFORMER);
        Sql.execute(connection, "GRANT SELECT ON ALL TABLES IN SCHEMA " + raw + " TO " + TenantRoles.TRANSFORMER);
        for (String schema : layout.modelSchemas()) {
            String quoted = dialect.quote(schema);
            Sql.execute(connection, "GRANT USAGE, CREATE ON SCHEMA " + quoted + " TO " + TenantRoles.TRANSFORMER);
            Sql.execute(connection, "GRANT ALL ON ALL TABLES IN SCHEMA " + quoted + " TO " + TenantRoles.TRANSFORMER);
        }
        for (String schema : layout.readerSchemas()) {
            Sql.execute(connection, "GRANT USAGE ON SCHEMA " + dialect.quote(schema) + " TO " + layout.readerRole());
        }
    }

    private void secureTable(Connection connection, Relation table, Changes changes) throws SQLException {
        if (!table.rowSecurity() || !table.forced()) {
            Sql.execute(connection, "ALTER TABLE " + table.qualified() + " ENABLE ROW LEVEL SECURITY");
            Sql.execute(connection, "ALTER TABLE " + table.qualified() + " FORCE ROW LEVEL SECURITY");
            changes.secured.add(table.display());
        }
        if (!table.policies().contains(PIPELINE_POLICY)) {
            Sql.execute(connection, "CREATE POLICY " + PIPELINE_POLICY + " ON " + table.qualified() + " FOR ALL TO "
                    + TenantRoles.ADMIN + ", " + TenantRoles.LOADER + ", " + TenantRoles.TRANSFORMER
                    + " USING (true) WITH CHECK (true)");
            changes.policies.add(table.display() + ":" + PIPELINE_POLICY);
        }
        if (!table.policies().contains(READER_POLICY)) {
            Sql.execute(connection, "CREATE POLICY " + READER_POLICY + " ON " + table.qualified() + " FOR SELECT TO "
                    + layout.readerRole() + " USING (tenant_id = " + TenantRoles.currentTenantSql() + ")");
            changes.policies.add(table.display() + ":" + READER_POLICY);
        }
        else if (!READER_POLICY_VERSION.equals(table.readerPolicyVersion())) {
            Sql.execute(connection, "ALTER POLICY " + READER_POLICY + " ON " + table.qualified() + " TO "
                    + layout.readerRole() + " USING (tenant_id = " + TenantRoles.currentTenantSql() + ")");
            changes.policies.add(table.display() + ":" + READER_POLICY + " (updated to " + READER_POLICY_VERSION
                    + ")");
        }
        if (!READER_POLICY_VERSION.equals(table.readerPolicyVersion())) {
            Sql.execute(connection, "COMMENT ON POLICY " + READER_POLICY + " ON " + table.qualified() + " IS '"
                    + READER_POLICY_VERSION + "'");
        }
        table.policies().stream()
                .filter(policy -> !policy.equals(PIPELINE_POLICY) && !policy.equals(READER_POLICY))
                .sorted()
                .forEach(policy -> changes.foreignPolicies.add(table.display() + ":" + policy));
    }

    private void exposeToReaders(Connection connection, Relation relation, boolean invokerViews, Set<String> pii,
            Changes changes) throws SQLException {
        String refusal = !pii.isEmpty() && !relation.isTable()
                ? "PII columns " + new TreeSet<>(pii) + " can be masked on tables only; materialize it as a "
                        + "table"
                : refusal(relation, invokerViews);
        if (refusal != null) {
            if (relation.readable()) {
                revokeFromReaders(connection, relation);
            }
            changes.withheld.add(relation.display() + ": " + refusal);
            return;
        }
        if (relation.isView() && !relation.securityInvoker()) {
            Sql.execute(connection, "ALTER VIEW " + relation.qualified() + " SET (security_invoker = true)");
            changes.secured.add(relation.display());
        }
        if (!relation.readable()) {
            Sql.execute(connection, "GRANT SELECT ON " + relation.qualified() + " TO " + layout.readerRole());
            changes.grants.add(relation.display());
        }
    }

    /** Why readers may not query a relation in a reader schema, or null when they may (through RLS). */
    private static String refusal(Relation relation, boolean invokerViews) {
        if (!relation.hasTenantId()) {
            return "no tenant_id column";
        }
        return switch (relation.kind()) {
            case 'r', 'p' -> null;
            case 'v' -> invokerViews ? null : "a view reads its tables with its owner's rights before PostgreSQL 15 "
                    + "(no security_invoker); materialize it as a table";
            case 'm' -> "a materialized view cannot have row-level security; materialize it as a table";
            default -> "a foreign table cannot have row-level security";
        };
    }

    private void revokeFromReaders(Connection connection, Relation relation) throws SQLException {
        List<String> grantees = new ArrayList<>(List.of("PUBLIC", layout.readerRole()));
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT rolname FROM pg_roles WHERE rolname LIKE "
                        + "'cairn\\_reader\\_%' ORDER BY 1")) {
            while (rows.next()) {
                grantees.add(dialect.quote(rows.getString(1)));
            }
        }
        Sql.execute(connection, "REVOKE ALL ON " + relation.qualified() + " FROM " + String.join(", ", grantees));
    }

    private static int serverVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
