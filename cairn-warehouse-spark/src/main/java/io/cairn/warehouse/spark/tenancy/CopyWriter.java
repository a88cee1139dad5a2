package io.cairn.warehouse.spark.tenancy;

import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.warehouse.spark.SparkDialect;
import io.cairn.warehouse.spark.SparkWarehouse;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes one version of a tenant's published copy: the tenant's rows of every relation of {@code marts} that has a
 * {@code tenant_id} column (views become tables) and of {@code ops.dq_results}, read from the warehouse catalog
 * (for a dedicated tenant from {@code <tenant>_marts} and {@code <tenant>_ops}) into the copy's {@code marts} and
 * {@code ops}. Relations without {@code tenant_id} are never copied.
 */
final class CopyWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CopyWriter.class);
    static final String DQ_RESULTS = "dq_results";
    private static final String TARGET = "cairn_publish";

    private final SparkWarehouse warehouse;

    CopyWriter(SparkWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Writes the copy into {@code version}; returns the relations copied, as {@code schema.name}. */
    List<String> write(TenantId tenant, String schemaPrefix, Path version) {
        SparkSession session = warehouse.newSession();
        TenantSessions.configureCopyCatalog(session, TARGET, version);
        List<String> copied = new ArrayList<>();
        String tenantLiteral = SparkDialect.INSTANCE.literal(tenant.value());
        for (String schema : List.of(TenantScope.MARTS_SCHEMA, TenantScope.OPS_SCHEMA)) {
            session.sql("CREATE NAMESPACE " + TARGET + "." + quote(schema));
            for (String relation : relations(session, schemaPrefix + schema)) {
                if (schema.equals(TenantScope.OPS_SCHEMA) && !relation.equals(DQ_RESULTS)) {
                    continue;
                }
                String source = quote(SparkWarehouse.CATALOG) + "." + quote(schemaPrefix + schema) + "."
                        + quote(relation);
                if (!hasTenantColumn(session, source)) {
                    continue;
                }
                session.sql("CREATE TABLE " + TARGET + "." + quote(schema) + "." + quote(relation)
                        + " USING iceberg AS SELECT * FROM " + source + " WHERE tenant_id = " + tenantLiteral);
                copied.add(schema + "." + relation);
            }
        }
        return copied;
    }

    /** The tables and views of a warehouse schema; none when it does not exist. */
    private static Set<String> relations(SparkSession session, String schema) {
        Set<String> names = new LinkedHashSet<>();
        boolean exists = session.sql("SHOW NAMESPACES IN " + quote(SparkWarehouse.CATALOG)).collectAsList().stream()
                .anyMatch(row -> row.getString(0).equals(schema));
        if (!exists) {
            return names;
        }
        String in = quote(SparkWarehouse.CATALOG) + "." + quote(schema);
        for (Row row : session.sql("SHOW TABLES IN " + in).collectAsList()) {
            names.add(row.getString(row.fieldIndex("tableName")));
        }
        for (Row row : session.sql("SHOW VIEWS IN " + in).collectAsList()) {
            names.add(row.getString(row.fieldIndex("viewName")));
        }
        return names;
    }

    private static boolean hasTenantColumn(SparkSession session, String relation) {
        try {
            return Arrays.stream(session.table(relation).schema().fieldNames())
                    .anyMatch(name -> name.toLowerCase(Locale.ROOT).equals("tenant_id"));
        }
        catch (RuntimeException e) {
            LOG.warn("Not publishing {}: it cannot be read ({})", relation, e.getMessage());
            return false;
        }
    }

    private static String quote(String identifier) {
        return SparkDialect.INSTANCE.quote(identifier);
    }
}
