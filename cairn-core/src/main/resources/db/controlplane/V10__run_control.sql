-- Run control: cancellation, a holder node with a lease per running pipeline run, the 'cancelled' status, and the
-- per-(tenant, source) watermark the build uses to isolate a failed sync. Portable SQL: H2 and PostgreSQL.

ALTER TABLE pipeline_runs ADD COLUMN cancel_requested BOOLEAN DEFAULT FALSE NOT NULL;
-- The node running the run and until when its lease holds; the node renews it while the run lives. Cleanup closes
-- only runs whose lease expired (null: a run recorded before leases existed).
ALTER TABLE pipeline_runs ADD COLUMN holder VARCHAR(255);
ALTER TABLE pipeline_runs ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;

ALTER TABLE pipeline_runs DROP CONSTRAINT pipeline_runs_status_ck;
ALTER TABLE pipeline_runs ADD CONSTRAINT pipeline_runs_status_ck
    CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned', 'cancelled'));

ALTER TABLE task_runs DROP CONSTRAINT task_runs_status_ck;
ALTER TABLE task_runs ADD CONSTRAINT task_runs_status_ck
    CHECK (status IN ('running', 'succeeded', 'failed', 'timed_out', 'skipped', 'abandoned', 'cancelled'));

-- Everything a tenant's source landed up to good_until came from syncs that succeeded: when a later sync of that
-- source fails, the build shows the tenant's rows of that source as of good_until.
CREATE TABLE source_watermarks (
    tenant_id   VARCHAR(63)              NOT NULL,
    source_name VARCHAR(63)              NOT NULL,
    good_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    run_id      VARCHAR(64)              NOT NULL,
    CONSTRAINT source_watermarks_pk PRIMARY KEY (tenant_id, source_name)
);
