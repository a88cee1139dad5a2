-- The HTTP API's own state: API keys (only a SHA-256 hash of each secret is kept; the prefix is shown and looked
-- up), the runs started under an Idempotency-Key, and each tenant's usage plan. Portable SQL: H2 and PostgreSQL.

CREATE TABLE api_keys (
    key_prefix   VARCHAR(16)              NOT NULL, -- ck_<8 chars>, shown in listings and audit entries
    secret_hash  VARCHAR(64)              NOT NULL, -- hex SHA-256 of the whole key
    role         VARCHAR(16)              NOT NULL,
    tenant_id    VARCHAR(63),                       -- null: a platform key
    name         VARCHAR(255),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_keys_pk PRIMARY KEY (key_prefix),
    CONSTRAINT api_keys_role_ck CHECK (role IN ('admin', 'tenant_admin', 'analyst')),
    CONSTRAINT api_keys_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id) ON DELETE CASCADE
);

CREATE INDEX api_keys_tenant_ix ON api_keys (tenant_id);

-- One row per Idempotency-Key a tenant used to start a run: the same key with the same request returns the run.
CREATE TABLE api_idempotency (
    tenant_id       VARCHAR(63)              NOT NULL,
    idempotency_key VARCHAR(255)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL, -- hex SHA-256 of the canonical request
    run_id          VARCHAR(64)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT api_idempotency_pk PRIMARY KEY (tenant_id, idempotency_key),
    CONSTRAINT api_idempotency_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id) ON DELETE CASCADE
);

-- The usage plan of a tenant (a name under api.plans in cairn.yml); tenants without a row are on the default plan.
CREATE TABLE tenant_plans (
    tenant_id  VARCHAR(63)              NOT NULL,
    plan       VARCHAR(63)              NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tenant_plans_pk PRIMARY KEY (tenant_id),
    CONSTRAINT tenant_plans_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id) ON DELETE CASCADE
);
