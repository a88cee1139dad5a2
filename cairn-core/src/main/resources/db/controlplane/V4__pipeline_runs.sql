-- Pipeline run history: one row per pipeline run and one per task it ran (a step for one tenant and source).
-- Portable SQL: the same script runs on H2 and PostgreSQL. Statuses are stored in lower case.

CREATE TABLE pipeline_runs (
    run_id      VARCHAR(64)              NOT NULL,
    pipeline    VARCHAR(128)             NOT NULL,
    tenant_id   VARCHAR(63),                      -- the --tenant the run was limited to; null for every tenant
    status      VARCHAR(16)              NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    tasks_total  INTEGER                 NOT NULL,
    tasks_failed INTEGER                 NOT NULL,
    error       VARCHAR(65536),
    CONSTRAINT pipeline_runs_pk PRIMARY KEY (run_id),
    CONSTRAINT pipeline_runs_status_ck CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned'))
);

CREATE INDEX pipeline_runs_pipeline_ix ON pipeline_runs (pipeline, status);

CREATE TABLE task_runs (
    run_id        VARCHAR(64)              NOT NULL,
    task_id       VARCHAR(512)             NOT NULL, -- step[/tenant[/source]]
    step          VARCHAR(128)             NOT NULL,
    tenant_id     VARCHAR(63),
    source_name   VARCHAR(63),
    status        VARCHAR(16)              NOT NULL,
    attempt       INTEGER                  NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    duration_ms   BIGINT,
    rows_read     BIGINT,
    rows_landed   BIGINT,
    error_class   VARCHAR(255),
    error_message VARCHAR(65536),
    CONSTRAINT task_runs_pk PRIMARY KEY (run_id, task_id),
    CONSTRAINT task_runs_run_fk FOREIGN KEY (run_id) REFERENCES pipeline_runs (run_id) ON DELETE CASCADE,
    CONSTRAINT task_runs_status_ck CHECK (status IN ('running', 'succeeded', 'failed', 'timed_out', 'skipped',
        'abandoned'))
);

CREATE INDEX task_runs_tenant_ix ON task_runs (tenant_id, started_at);
