package io.cairn.core.serving;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels statements that run past their time, on any engine: DuckDB has no statement timeout, and PostgreSQL's
 * {@code statement_timeout} can be changed from inside a tenant's own query for the statements after it.
 */
final class TimedStatements {
    private static final Logger LOG = LoggerFactory.getLogger(TimedStatements.class);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cairn-tenant-query-timer");
        thread.setDaemon(true);
        return thread;
    });

    private TimedStatements() {}

    /** Work on a statement that may throw {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /** Thrown in place of the engine's cancellation error when the time ran out. */
    static final class TimedOut extends SQLException {
        TimedOut(Duration timeout, SQLException cause) {
            super("it ran longer than " + readable(timeout) + " and was stopped", "57014", cause);
        }

        private static String readable(Duration timeout) {
            long millis = timeout.toMillis();
            return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
        }
    }

    /** Runs {@code work}; cancels {@code statement} once {@code timeout} has passed. */
    static <T> T run(Statement statement, Duration timeout, Work<T> work) throws SQLException {
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> timer = TIMER.schedule(() -> {
            cancelled.set(true);
            try {
                statement.cancel();
            }
            catch (SQLException e) {
                LOG.warn("Cannot cancel a tenant statement that ran past {}", timeout, e);
            }
        }, Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        try {
            return work.run();
        }
        catch (SQLException e) {
            if (cancelled.get() || "57014".equals(e.getSQLState())) {
                throw new TimedOut(timeout, e);
            }
            throw e;
        }
        finally {
            timer.cancel(false);
        }
    }
}
