package io.cairn.core.schedule;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import static io.cairn.core.controlplane.Sql.instant;
import static io.cairn.core.controlplane.Sql.query;
import static io.cairn.core.controlplane.Sql.update;
import static java.util.Objects.requireNonNull;

/** The {@code schedules} table of the control plane. Thread-safe. */
public final class ScheduleStore {
    private static final int MAX_MESSAGE = 4096;
    private static final String COLUMNS = "s.name, s.pipeline, s.tenant_id, s.cron, s.timezone, s.last_due_at, "
            + "s.last_finished_at, s.last_status, s.last_message";
    /** Schedules with their pending execution's due time; the task name is the first parameter. */
    private static final String SELECT = "SELECT " + COLUMNS + ", t.execution_time FROM schedules s LEFT JOIN "
            + "scheduled_tasks t ON t.task_name = ? AND t.task_instance = s.name";

    private final DataSource dataSource;
    private final Clock clock;

    public ScheduleStore(DataSource dataSource, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Stores a new schedule; fails when one of that name exists. */
    public void add(PipelineSchedule schedule) {
        requireNonNull(schedule, "schedule is null");
        String action = "add schedule " + schedule.name();
        Sql.call(dataSource, action, c -> {
            if (!query(c, "SELECT name FROM schedules WHERE name = ?", row -> 1, schedule.name()).isEmpty()) {
                throw new CairnException(ErrorCode.BAD_INPUT, "Cannot %s: it already exists (remove it first)",
                        action);
            }
            return update(c, "INSERT INTO schedules (name, pipeline, tenant_id, cron, timezone, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", schedule.name(), schedule.pipeline(), schedule.tenant(),
                    schedule.cron(), schedule.zone().getId(), clock.instant());
        });
    }

    /**
     * Deletes a schedule and its pending execution; an execution already running finishes and is not rescheduled.
     * Returns false when there was no such schedule.
     */
    public boolean remove(String name) {
        requireNonNull(name, "name is null");
        return Sql.call(dataSource, "remove schedule " + name, c -> {
            update(c, "DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance = ? AND picked = ?",
                    PipelineScheduler.TASK, name, false);
            return update(c, "DELETE FROM schedules WHERE name = ?", name) > 0;
        });
    }

    /** One schedule by name; reads only its row (every due execution looks its schedule up). */
    public Optional<PipelineSchedule> find(String name) {
        requireNonNull(name, "name is null");
        return Sql.call(dataSource, "read schedule " + name, c -> query(c, SELECT + " WHERE s.name = ?",
                ScheduleStore::entry, PipelineScheduler.TASK, name)).stream().map(ScheduleEntry::schedule).findFirst();
    }

    /** Every schedule by name, with its last outcome and next due time. */
    public List<ScheduleEntry> list() {
        return Sql.call(dataSource, "list schedules", c -> query(c, SELECT + " ORDER BY s.name",
                ScheduleStore::entry, PipelineScheduler.TASK));
    }

    /** Records how the run due at {@code due} ended. */
    public void recordRun(String name, Instant due, Instant finished, ScheduleStatus status, String message) {
        String text = message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
        Sql.call(dataSource, "record the run of schedule " + name, c -> update(c, "UPDATE schedules SET "
                + "last_due_at = ?, last_finished_at = ?, last_status = ?, last_message = ? WHERE name = ?", due,
                finished, status, text, name));
    }

    private static ScheduleEntry entry(ResultSet row) throws SQLException {
        String tenant = row.getString("tenant_id");
        PipelineSchedule schedule = new PipelineSchedule(row.getString("name"), row.getString("pipeline"),
                tenant == null ? null : TenantId.of(tenant), row.getString("cron"),
                ZoneId.of(row.getString("timezone")));
        String status = row.getString("last_status");
        return new ScheduleEntry(schedule, instant(row, "last_due_at"), instant(row, "last_finished_at"),
                status == null ? null : ScheduleStatus.of(status), row.getString("last_message"),
                instant(row, "execution_time"));
    }
}
