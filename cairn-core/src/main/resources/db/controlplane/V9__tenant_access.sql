-- Direct SQL access for BI tools (cairn access grant|revoke|show): one row per grant of a tenant's reader login.
-- A new grant closes the tenant's previous one (revoked_at), so at most one row per tenant is open. Passwords are
-- never stored here: they are shown once, and the warehouse keeps only its own hash.

CREATE TABLE tenant_access (
    access_id   VARCHAR(26)              NOT NULL,  -- sortable id (SortableIds)
    tenant_id   VARCHAR(63)              NOT NULL,
    login       VARCHAR(63)              NOT NULL,  -- the warehouse role that logs in, e.g. cairn_reader_acme
    pii         BOOLEAN                  NOT NULL,  -- PII columns in clear (true) or masked (false)
    granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    granted_by  VARCHAR(255)             NOT NULL,  -- 'cli:<os user>', ...
    revoked_at  TIMESTAMP WITH TIME ZONE,           -- null while the grant is in force
    revoked_by  VARCHAR(255),
    CONSTRAINT tenant_access_pk PRIMARY KEY (access_id)
);

CREATE INDEX tenant_access_tenant_ix ON tenant_access (tenant_id, revoked_at);
