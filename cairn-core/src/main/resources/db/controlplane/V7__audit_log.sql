-- The audit log (ops.audit_log in the issues): who did what to which tenant, when, and with what outcome. Every
-- grant and revoke, every admin action and every tenant data read through Cairn adds one row. Rows are only
-- ever inserted.

CREATE TABLE audit_log (
    audit_id    VARCHAR(26)              NOT NULL,  -- sortable id (SortableIds): orders rows by time
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(255)             NOT NULL,  -- 'cli:<os user>', 'api:<key prefix>', 'scheduler', ...
    action      VARCHAR(128)             NOT NULL,  -- e.g. 'tenant.onboard', 'access.grant', 'data.read'
    tenant_id   VARCHAR(63),                        -- null: a platform-wide action
    target      VARCHAR(1024),                      -- what was acted on: a path, a role, a mart
    outcome     VARCHAR(16)              NOT NULL,
    detail      VARCHAR(4096),
    CONSTRAINT audit_log_pk PRIMARY KEY (audit_id),
    CONSTRAINT audit_log_outcome_ck CHECK (outcome IN ('ok', 'denied', 'failed'))
);

CREATE INDEX audit_log_tenant_ix ON audit_log (tenant_id, at);
