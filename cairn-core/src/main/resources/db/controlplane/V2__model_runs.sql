-- Model engine results: one row per node a build, run, test, seed or freshness command executed or skipped,
-- linked to the command's row in runs. Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE TABLE model_results (
    run_id         VARCHAR(64)              NOT NULL,
    unique_id      VARCHAR(512)             NOT NULL, -- e.g. model.jaffle.orders
    resource_type  VARCHAR(16)              NOT NULL,
    name           VARCHAR(255)             NOT NULL,
    relation       VARCHAR(512),                      -- schema.identifier written or checked
    status         VARCHAR(16)              NOT NULL,
    message        VARCHAR(65536),
    rows_affected  BIGINT,                            -- null when unknown (views)
    failures       BIGINT                   NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    execution_time DOUBLE PRECISION         NOT NULL, -- seconds
    CONSTRAINT model_results_pk PRIMARY KEY (run_id, unique_id),
    CONSTRAINT model_results_run_fk FOREIGN KEY (run_id) REFERENCES runs (run_id) ON DELETE CASCADE,
    CONSTRAINT model_results_type_ck CHECK (resource_type IN ('model', 'seed', 'test', 'source')),
    CONSTRAINT model_results_status_ck CHECK (status IN ('success', 'error', 'skipped', 'pass', 'fail', 'warn'))
);

CREATE INDEX model_results_node_ix ON model_results (unique_id, started_at);
