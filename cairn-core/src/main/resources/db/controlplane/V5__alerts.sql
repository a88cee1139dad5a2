-- Alert state: one row per alert key (the platform alert of a pipeline, or one tenant's alert for a pipeline) that
-- has failures counted or is open, so deduplication and resolve survive restarts. Quiet keys have no row.
-- Portable SQL: the same script runs on H2 and PostgreSQL. Status is 'ok' or 'open'.

CREATE TABLE alert_state (
    alert_key            VARCHAR(255)             NOT NULL, -- platform/<pipeline> or tenant/<pipeline>/<tenant>
    pipeline             VARCHAR(128)             NOT NULL,
    tenant_id            VARCHAR(63),                       -- null for the platform alert
    consecutive_failures INTEGER                  NOT NULL,
    status               VARCHAR(16)              NOT NULL,
    opened_at            TIMESTAMP WITH TIME ZONE,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_run_id          VARCHAR(64),
    CONSTRAINT alert_state_pk PRIMARY KEY (alert_key),
    CONSTRAINT alert_state_status_ck CHECK (status IN ('ok', 'open'))
);

CREATE INDEX alert_state_pipeline_ix ON alert_state (pipeline);
