package io.cairn.core.schedule;

import io.cairn.spi.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

import static io.cairn.core.controlplane.Sql.update;
import static java.util.Objects.requireNonNull;

/**
 * Keeps two runs of one pipeline for one tenant from overlapping, across processes: a run holds a row of
 * {@code pipeline_locks} per tenant it covers (plus {@value #ALL_TENANTS} for a run over every tenant), taken in one
 * transaction so the primary key decides atomically who gets them. Rows are leases: the holder renews them, and
 * rows of a killed process expire and are taken over.
 */
public final class RunGuard {
    private static final Logger LOG = LoggerFactory.getLogger(RunGuard.class);
    /** The key a run over every tenant holds besides its tenants'; no tenant id can look like it. */
    public static final String ALL_TENANTS = "*";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration lease;

    public RunGuard(DataSource dataSource, Clock clock, Duration lease) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.lease = requireNonNull(lease, "lease is null");
    }

    public Duration lease() {
        return lease;
    }

    /**
     * Takes the rows of {@code pipeline} for {@code tenants} (and for every tenant when {@code allTenants}), or
     * none and returns empty when another holder has any of them.
     */
    public Optional<Lease> tryAcquire(String pipeline, boolean allTenants, Collection<TenantId> tenants,
            String holder) {
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(holder, "holder is null");
        Set<String> keys = new TreeSet<>();
        tenants.forEach(tenant -> keys.add(tenant.value()));
        if (allTenants) {
            keys.add(ALL_TENANTS);
        }
        boolean taken = Sql.call(dataSource, "take the run guard of pipeline " + pipeline, c -> insert(c, pipeline,
                keys, holder));
        if (!taken) {
            LOG.info("Pipeline {} is already running for one of {}; {} does not start", pipeline, keys, holder);
            return Optional.empty();
        }
        return Optional.of(new Lease(pipeline, holder));
    }

    private boolean insert(Connection c, String pipeline, Set<String> keys, String holder) throws SQLException {
        c.setAutoCommit(false);
        try {
            update(c, "DELETE FROM pipeline_locks WHERE pipeline = ? AND expires_at < ?", pipeline,
                    clock.instant());
            for (String key : keys) {
                update(c, "INSERT INTO pipeline_locks (pipeline, tenant_id, holder, locked_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?)", pipeline, key, holder, clock.instant(),
                        clock.instant().plus(lease));
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            if (isConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean isConflict(SQLException e) {
        String state = e.getSQLState();
        // 23505: unique violation; 40001/40P01: serialization failure or deadlock; HYT00: H2 lock timeout.
        return "23505".equals(state) || "40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state);
    }

    /** The rows one run holds; {@link #close()} frees them. */
    public final class Lease implements AutoCloseable {
        private final String pipeline;
        private final String holder;

        private Lease(String pipeline, String holder) {
            this.pipeline = pipeline;
            this.holder = holder;
        }

        public String holder() {
            return holder;
        }

        /** Extends the lease by the guard's lease time from now. */
        public void renew() {
            Sql.call(dataSource, "renew the run guard of pipeline " + pipeline, c -> update(c,
                    "UPDATE pipeline_locks SET expires_at = ? WHERE pipeline = ? AND holder = ?",
                    clock.instant().plus(lease), pipeline, holder));
        }

        @Override
        public void close() {
            Sql.call(dataSource, "free the run guard of pipeline " + pipeline, c -> update(c,
                    "DELETE FROM pipeline_locks WHERE pipeline = ? AND holder = ?", pipeline, holder));
        }
    }
}
