-- The control plane: tenants, their sources, raw loads, stream cursors and runs.
-- Portable SQL: the same script runs on H2 and PostgreSQL. Enumerations are stored in lower case.

CREATE TABLE tenants (
    tenant_id   VARCHAR(63)              NOT NULL,
    name        VARCHAR(255)             NOT NULL,
    tenancy     VARCHAR(16)              NOT NULL,
    time_zone   VARCHAR(64)              NOT NULL,
    currency    VARCHAR(3)               NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tenants_pk PRIMARY KEY (tenant_id),
    CONSTRAINT tenants_tenancy_ck CHECK (tenancy IN ('shared', 'dedicated'))
);

CREATE TABLE sources (
    tenant_id     VARCHAR(63)              NOT NULL,
    source_name   VARCHAR(63)              NOT NULL,
    source_type   VARCHAR(63)              NOT NULL,
    source_system VARCHAR(63)              NOT NULL,
    enabled       BOOLEAN                  NOT NULL,
    options       VARCHAR(65536)           NOT NULL, -- a JSON object of strings
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sources_pk PRIMARY KEY (tenant_id, source_name),
    CONSTRAINT sources_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id) ON DELETE CASCADE
);

CREATE TABLE loads (
    load_id               VARCHAR(128)             NOT NULL,
    tenant_id             VARCHAR(63)              NOT NULL,
    source_name           VARCHAR(63)              NOT NULL,
    stream                VARCHAR(128)             NOT NULL,
    inbox_file            VARCHAR(4096),
    raw_file              VARCHAR(4096),
    file_format           VARCHAR(16),
    status                VARCHAR(16)              NOT NULL,
    bytes                 BIGINT                   NOT NULL,
    records_read          BIGINT,
    rows_landed           BIGINT,
    rows_duplicate        BIGINT,
    rows_dead_lettered    BIGINT,
    rows_warned           BIGINT,
    max_source_updated_at VARCHAR(64),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at           TIMESTAMP WITH TIME ZONE,
    error                 VARCHAR(65536),
    CONSTRAINT loads_pk PRIMARY KEY (load_id),
    CONSTRAINT loads_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    CONSTRAINT loads_status_ck CHECK (status IN ('moving', 'staged', 'landed', 'failed'))
);

CREATE INDEX loads_tenant_status_ix ON loads (tenant_id, status, created_at);
CREATE INDEX loads_tenant_source_ix ON loads (tenant_id, source_name, created_at);

CREATE TABLE stream_state (
    tenant_id    VARCHAR(63)              NOT NULL,
    source_name  VARCHAR(63)              NOT NULL,
    stream       VARCHAR(128)             NOT NULL,
    cursor_value VARCHAR(4096),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT stream_state_pk PRIMARY KEY (tenant_id, source_name, stream),
    CONSTRAINT stream_state_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id) ON DELETE CASCADE
);

CREATE TABLE runs (
    run_id      VARCHAR(64)              NOT NULL,
    kind        VARCHAR(63)              NOT NULL,
    tenant_id   VARCHAR(63),
    status      VARCHAR(32)              NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    summary     VARCHAR(1000000), -- JSON
    CONSTRAINT runs_pk PRIMARY KEY (run_id),
    CONSTRAINT runs_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id) ON DELETE CASCADE
);

CREATE INDEX runs_tenant_ix ON runs (tenant_id, started_at);
