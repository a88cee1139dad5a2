-- Encrypted credentials of tenants' sources: secret options moved out of sources.options at import, and values
-- connectors rotate while syncing (OAuth refresh tokens). Each value is sealed with AES-256-GCM under a master key
-- kept outside the database; key_id names that key so keys can rotate. Portable SQL: H2 and PostgreSQL.

CREATE TABLE credentials (
    tenant_id      VARCHAR(63)              NOT NULL,
    source_name    VARCHAR(63)              NOT NULL,
    credential_key VARCHAR(128)             NOT NULL, -- 'option.<name>' for configured secrets, else the connector's
    key_id         VARCHAR(32)              NOT NULL,
    nonce          VARCHAR(32)              NOT NULL, -- base64 of the 96-bit GCM nonce
    ciphertext     VARCHAR(65536)           NOT NULL, -- base64 of ciphertext and tag
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT credentials_pk PRIMARY KEY (tenant_id, source_name, credential_key),
    CONSTRAINT credentials_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id) ON DELETE CASCADE
);

CREATE INDEX credentials_key_id_ix ON credentials (key_id);
