-- Schedules: cron expressions per pipeline (optionally per tenant), the guard rows that keep two runs of one
-- pipeline for one tenant from overlapping, and db-scheduler's own table. Portable SQL: the same script runs on
-- H2 and PostgreSQL.

CREATE TABLE schedules (
    name             VARCHAR(128)             NOT NULL,
    pipeline         VARCHAR(128)             NOT NULL,
    tenant_id        VARCHAR(63),                      -- null: the run covers every tenant
    cron             VARCHAR(255)             NOT NULL,
    timezone         VARCHAR(64)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_due_at      TIMESTAMP WITH TIME ZONE,
    last_finished_at TIMESTAMP WITH TIME ZONE,
    last_status      VARCHAR(16),
    last_message     VARCHAR(4096),
    CONSTRAINT schedules_pk PRIMARY KEY (name),
    CONSTRAINT schedules_status_ck CHECK (last_status IN ('succeeded', 'failed', 'overlapped'))
);

-- One row per (pipeline, tenant) while a run holds it; the primary key makes taking it atomic. A run over every
-- tenant holds one row per tenant. expires_at is a lease the holder renews, so a killed process frees it.
CREATE TABLE pipeline_locks (
    pipeline    VARCHAR(128)             NOT NULL,
    tenant_id   VARCHAR(63)              NOT NULL,
    holder      VARCHAR(128)             NOT NULL,
    locked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pipeline_locks_pk PRIMARY KEY (pipeline, tenant_id)
);

CREATE INDEX pipeline_locks_holder_ix ON pipeline_locks (holder);

-- db-scheduler (com.github.kagkarlsson:db-scheduler 16) keeps its executions here; the layout is its own
-- PostgreSQL DDL with TEXT as VARCHAR and BYTEA (an alias of VARBINARY in H2) so it runs on both databases.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(255)             NOT NULL,
    task_instance        VARCHAR(255)             NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(255),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    CONSTRAINT scheduled_tasks_pk PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
