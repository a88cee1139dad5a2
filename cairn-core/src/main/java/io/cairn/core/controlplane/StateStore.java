package io.cairn.core.controlplane;

import io.cairn.spi.TenantId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The {@code stream_state} table: one saved cursor per tenant, source and stream. */
public final class StateStore {
    private static final String COLUMNS = "tenant_id, source_name, stream, cursor_value, updated_at";

    private final Jdbc jdbc;
    private final Clock clock;

    StateStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<StreamState> get(TenantId tenant, String source, String stream) {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(source, "source is null");
        requireNonNull(stream, "stream is null");
        return jdbc.call(describe("read", tenant, source, stream), connection -> Sql.queryOne(connection,
                "SELECT " + COLUMNS + " FROM stream_state WHERE tenant_id = ? AND source_name = ? AND stream = ?",
                StateStore::state, tenant, source, stream));
    }

    /** Saves the cursor, replacing any saved before; the tenant must be registered. */
    public void put(StreamState state) {
        requireNonNull(state, "state is null");
        Instant updatedAt = state.updatedAt() == null ? clock.instant() : state.updatedAt();
        jdbc.upsert(describe("save", state.tenant(), state.source(), state.stream()), connection -> {
            int updated = Sql.update(connection, "UPDATE stream_state SET cursor_value = ?, updated_at = ? "
                            + "WHERE tenant_id = ? AND source_name = ? AND stream = ?",
                    state.cursor(), updatedAt, state.tenant(), state.source(), state.stream());
            if (updated == 0) {
                Sql.update(connection, "INSERT INTO stream_state (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                        state.tenant(), state.source(), state.stream(), state.cursor(), updatedAt);
            }
            return null;
        });
    }

    /** The tenant's cursors, ordered by source and stream. */
    public List<StreamState> list(TenantId tenant) {
        requireNonNull(tenant, "tenant is null");
        return jdbc.call("list stream state of tenant " + tenant, connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM stream_state WHERE tenant_id = ? ORDER BY source_name, stream",
                StateStore::state, tenant));
    }

    private static String describe(String verb, TenantId tenant, String source, String stream) {
        return verb + " the cursor of stream " + source + "." + stream + " of tenant " + tenant;
    }

    private static StreamState state(ResultSet row) throws SQLException {
        return new StreamState(Sql.tenant(row, "tenant_id"), row.getString("source_name"), row.getString("stream"),
                row.getString("cursor_value"), Sql.instant(row, "updated_at"));
    }
}
