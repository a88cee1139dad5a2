package io.cairn.warehouse.duckdb;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.TenantScope;

/**
 * Writes one tenant's published copy: a DuckDB file holding the tenant's rows of every relation in {@code marts}
 * that has a {@code tenant_id} column (views become tables) and of {@code ops.dq_results}, read in one transaction
 * (for a dedicated tenant from its own {@code <tenant>_marts} and {@code <tenant>_ops}, copied into the copy's
 * {@code marts} and {@code ops}, so a tenant connection looks the same whatever the tenancy)
 * so the copy is one consistent snapshot. The file is written under a hidden temporary name in the published folder
 * and then moved over {@code <tenant>.duckdb}, so a reader opens either the old copy or the new one, never a part.
 */
final class TenantCopies {
    private static final Logger LOG = LoggerFactory.getLogger(TenantCopies.class);
    static final String DQ_RESULTS = "dq_results";

    private final DuckDbWarehouse warehouse;
    private final Path folder;

    TenantCopies(DuckDbWarehouse warehouse, Path folder) {
        this.warehouse = warehouse;
        this.folder = folder;
    }

    Path copyOf(TenantId tenant) {
        return folder.resolve(tenant.value() + ".duckdb");
    }

    /**
     * Writes the tenant's copy from the schemas prefixed with {@code schemaPrefix} ({@code ""} or
     * {@code <tenant>_}) and swaps it in; returns the number of relations copied.
     */
    int publish(TenantId tenant, String schemaPrefix) {
        Path temporary = folder.resolve("." + tenant.value() + "." + UUID.randomUUID() + ".tmp");
        String alias = "cairn_publish_" + UUID.randomUUID().toString().replace("-", "");
        try {
            Files.createDirectories(folder);
            int copied;
            try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
                statement.execute("ATTACH " + literal(temporary.toString()) + " AS " + alias);
                try {
                    copied = copyRelations(connection, statement, tenant, schemaPrefix, alias);
                    statement.execute("CHECKPOINT " + alias);
                }
                finally {
                    statement.execute("DETACH " + alias);
                }
            }
            move(temporary, copyOf(tenant));
            LOG.info("Published {} relations for tenant {} to {}", copied, tenant, copyOf(tenant));
            return copied;
        }
        catch (SQLException | IOException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot publish the data of tenant %s to %s: %s", tenant,
                    copyOf(tenant), e.getMessage());
        }
        finally {
            deleteQuietly(temporary);
            deleteQuietly(Path.of(temporary + ".wal"));
        }
    }

    private int copyRelations(Connection connection, Statement statement, TenantId tenant, String schemaPrefix,
            String alias) throws SQLException {
        List<String[]> relations = tenantRelations(statement, schemaPrefix);
        String tenantLiteral = literal(tenant.value());
        connection.setAutoCommit(false);
        try {
            statement.execute("CREATE SCHEMA " + alias + "." + TenantScope.MARTS_SCHEMA);
            statement.execute("CREATE SCHEMA " + alias + "." + TenantScope.OPS_SCHEMA);
            for (String[] relation : relations) {
                String source = DuckDbDialect.INSTANCE.relation(relation[0], relation[1]);
                String target = DuckDbDialect.INSTANCE.relation(relation[0].substring(schemaPrefix.length()),
                        relation[1]);
                statement.execute("CREATE TABLE " + alias + "." + target + " AS SELECT * FROM " + source
                        + " WHERE tenant_id = " + tenantLiteral);
            }
            connection.commit();
        }
        catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        finally {
            connection.setAutoCommit(true);
        }
        return relations.size();
    }

    /** Schema and name of every relation of the main database a tenant copy holds. */
    private static List<String[]> tenantRelations(Statement statement, String schemaPrefix) throws SQLException {
        String sql = "SELECT t.table_schema, t.table_name FROM information_schema.tables t "
                + "WHERE t.table_catalog = current_database() AND (t.table_schema = "
                + literal(schemaPrefix + TenantScope.MARTS_SCHEMA) + " OR (t.table_schema = "
                + literal(schemaPrefix + TenantScope.OPS_SCHEMA) + " AND t.table_name = '" + DQ_RESULTS + "')) "
                + "AND EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_catalog = t.table_catalog "
                + "AND c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'tenant_id') "
                + "ORDER BY 1, 2";
        List<String[]> relations = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                relations.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return relations;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on file systems without atomic rename; readers may then fail once.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String literal(String value) {
        return DuckDbDialect.INSTANCE.literal(value);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            LOG.warn("Cannot delete the partial tenant copy {}", file, e);
        }
    }
}
