package io.cairn.core.controlplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.config.Secrets;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The {@code sources} table; options are stored as a JSON object of strings. Secret options ({@link
 * Secrets#isSecret}) never reach it in clear: they go to the encrypted {@link CredentialTable} in the same
 * transaction and the column keeps {@link Secrets#MASK} in their place.
 */
public final class SourceStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> OPTIONS = new TypeReference<>() {
    };
    private static final String COLUMNS = "tenant_id, source_name, source_type, source_system, enabled, options";

    private final Jdbc jdbc;
    private final Clock clock;
    private final CredentialTable credentials;

    SourceStore(Jdbc jdbc, Clock clock, CredentialTable credentials) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.credentials = credentials;
    }

    /** Registers or replaces a source; its tenant must be registered. */
    public void upsert(SourceDefinition source) {
        requireNonNull(source, "source is null");
        jdbc.upsert(describe("save", source.tenant(), source.name()), connection -> {
            upsert(connection, source);
            return null;
        });
    }

    void upsert(Connection connection, SourceDefinition source) throws SQLException {
        Instant now = clock.instant();
        String options = toJson(moveSecrets(connection, source));
        int updated = Sql.update(connection,
                "UPDATE sources SET source_type = ?, source_system = ?, enabled = ?, options = ?, updated_at = ? "
                        + "WHERE tenant_id = ? AND source_name = ?",
                source.type(), source.system(), source.enabled(), options, now, source.tenant(), source.name());
        if (updated == 0) {
            Sql.update(connection, "INSERT INTO sources (" + COLUMNS + ", created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    source.tenant(), source.name(), source.type(), source.system(), source.enabled(), options, now,
                    now);
        }
    }

    /** The options to store: secrets sealed into the credential table, a mask left in their place. */
    private Map<String, String> moveSecrets(Connection connection, SourceDefinition source) throws SQLException {
        Map<String, String> stored = new TreeMap<>(source.options());
        for (Map.Entry<String, String> option : stored.entrySet()) {
            if (Secrets.isSecret(option.getKey()) && !Secrets.MASK.equals(option.getValue())) {
                credentials.putOption(connection, source.tenant(), source.name(), option.getKey(), option.getValue());
                option.setValue(Secrets.MASK);
            }
        }
        return stored;
    }

    public Optional<SourceDefinition> find(TenantId tenant, String name) {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(name, "name is null");
        return jdbc.call(describe("read", tenant, name), connection -> Sql.queryOne(connection,
                "SELECT " + COLUMNS + " FROM sources WHERE tenant_id = ? AND source_name = ?", SourceStore::source,
                tenant, name));
    }

    /** The tenant's sources, ordered by name. */
    public List<SourceDefinition> list(TenantId tenant) {
        requireNonNull(tenant, "tenant is null");
        return jdbc.call("list sources of tenant " + tenant, connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM sources WHERE tenant_id = ? ORDER BY source_name", SourceStore::source,
                tenant));
    }

    /**
     * Removes a source with its stream cursors and credentials, so a source added again under the name starts from scratch; its
     * loads stay as history. False when there was no such source.
     */
    public boolean remove(TenantId tenant, String name) {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(name, "name is null");
        return jdbc.transaction(describe("remove", tenant, name), connection -> {
            Sql.update(connection, "DELETE FROM stream_state WHERE tenant_id = ? AND source_name = ?", tenant, name);
            CredentialTable.removeSource(connection, tenant, name);
            return Sql.update(connection, "DELETE FROM sources WHERE tenant_id = ? AND source_name = ?",
                    tenant, name) > 0;
        });
    }

    private static String describe(String verb, TenantId tenant, String name) {
        return verb + " source " + name + " of tenant " + tenant;
    }

    private static SourceDefinition source(ResultSet row) throws SQLException {
        return new SourceDefinition(
                Sql.tenant(row, "tenant_id"),
                row.getString("source_name"),
                row.getString("source_type"),
                row.getString("source_system"),
                row.getBoolean("enabled"),
                fromJson(row.getString("options")));
    }

    private static String toJson(Map<String, String> options) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(options));
        } catch (JsonProcessingException e) {
            throw new CairnException(ErrorCode.INTERNAL, e, "Cannot write source options as JSON: %s",
                    e.getOriginalMessage());
        }
    }

    private static Map<String, String> fromJson(String options) throws SQLException {
        try {
            return JSON.readValue(options, OPTIONS);
        } catch (JsonProcessingException e) {
            throw new SQLException("the stored source options are not a JSON object of strings: "
                    + e.getOriginalMessage(), e);
        }
    }
}
