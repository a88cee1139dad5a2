package io.cairn.core.alert;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.orchestrate.PipelineRunStore;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static io.cairn.core.controlplane.Sql.instant;
import static io.cairn.core.controlplane.Sql.update;
import static java.util.Objects.requireNonNull;

/**
 * The {@code alert_state} table of the control plane (created by migration V5, which {@code ControlPlane.open}
 * applies). Quiet keys are deleted rather than kept. Thread-safe.
 */
public final class AlertStore {
    private static final String COLUMNS = "alert_key, pipeline, tenant_id, consecutive_failures, status, opened_at, "
            + "updated_at, last_run_id";

    private final PipelineRunStore.Database database;

    public AlertStore(PipelineRunStore.Database database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** A store that opens a connection per call to the control plane described by {@code settings}. */
    public static AlertStore connect(ControlPlaneSettings settings) {
        requireNonNull(settings, "settings is null");
        return new AlertStore(new PipelineRunStore.Database() {
            @Override
            public <T> T call(String action, PipelineRunStore.Work<T> work) {
                try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(),
                        settings.password())) {
                    return work.run(connection);
                } catch (SQLException e) {
                    throw new CairnException(ErrorCode.CONTROL_PLANE, e, "Cannot %s: %s", action, e.getMessage());
                }
            }
        });
    }

    /** The kept state of every key of {@code pipeline}, by key. */
    public Map<String, AlertState> load(String pipeline) {
        requireNonNull(pipeline, "pipeline is null");
        return database.call("read alert state of pipeline " + pipeline, c -> {
            Map<String, AlertState> states = new HashMap<>();
            try (PreparedStatement statement = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM alert_state WHERE pipeline = ?")) {
                statement.setString(1, pipeline);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        AlertState state = state(row);
                        states.put(state.key(), state);
                    }
                }
            }
            return states;
        });
    }

    /** Writes {@code states} in one transaction: quiet ones are deleted, the others inserted or replaced. */
    public void save(Collection<AlertState> states) {
        if (states.isEmpty()) {
            return;
        }
        database.call("save " + states.size() + " alert state(s)", c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                for (AlertState state : states) {
                    update(c, "DELETE FROM alert_state WHERE alert_key = ?", state.key());
                    if (!state.quiet()) {
                        update(c, "INSERT INTO alert_state (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                state.key(), state.pipeline(), state.tenant() == null ? null : state.tenant().value(),
                                state.consecutiveFailures(), state.open() ? "open" : "ok", state.openedAt(),
                                state.updatedAt(), state.lastRunId());
                    }
                }
                c.commit();
                return null;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        });
    }

    private static AlertState state(ResultSet row) throws SQLException {
        String tenant = row.getString("tenant_id");
        return new AlertState(row.getString("alert_key"), row.getString("pipeline"),
                tenant == null ? null : TenantId.of(tenant), row.getInt("consecutive_failures"),
                "open".equals(row.getString("status")), instant(row, "opened_at"), instant(row, "updated_at"),
                row.getString("last_run_id"));
    }
}
