-- Onramp's first schema: businesses (tenants), their connections, the connect-flow journal, the
-- audit trail and the vault's keyset. Every time is a TIMESTAMP WITH TIME ZONE written in UTC.
-- Rows that belong to a business carry tenant_id in their key, so every lookup names the tenant.

CREATE TABLE tenant (
    id            UUID                        NOT NULL,
    -- VARCHAR_IGNORECASE makes both the unique constraint and lookups by name case-insensitive.
    name          VARCHAR_IGNORECASE          NOT NULL,
    business_type VARCHAR                     NOT NULL,
    workspace_id  VARCHAR,
    created_at    TIMESTAMP(9) WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP(9) NOT NULL,
    CONSTRAINT tenant_pk PRIMARY KEY (id),
    CONSTRAINT tenant_name_unique UNIQUE (name)
);

CREATE TABLE connection (
    id            UUID                        NOT NULL,
    tenant_id     UUID                        NOT NULL,
    provider_id   VARCHAR                     NOT NULL,
    source_id     VARCHAR                     NOT NULL,
    account_label VARCHAR,
    status        VARCHAR                     NOT NULL,
    -- Tink AEAD ciphertext; its associated data names this table, column, tenant and row.
    secret_config VARBINARY                   NOT NULL,
    streams       CHARACTER VARYING ARRAY     NOT NULL,
    stream_count  INTEGER                     NOT NULL,
    created_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    last_checked  TIMESTAMP(9) WITH TIME ZONE,
    last_error    VARCHAR,
    CONSTRAINT connection_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT connection_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT connection_status_known CHECK (status IN ('ACTIVE', 'FAILED', 'NEEDS_REAUTH', 'DISCONNECTED')),
    CONSTRAINT connection_stream_count_matches CHECK (stream_count = CARDINALITY(streams))
);

CREATE TABLE connect_flow (
    id          UUID                        NOT NULL,
    tenant_id   UUID                        NOT NULL,
    provider_id VARCHAR                     NOT NULL,
    state       VARCHAR                     NOT NULL,
    source_id   VARCHAR,
    reason      VARCHAR,
    started_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT connect_flow_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT connect_flow_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT connect_flow_state_known CHECK (state IN ('STARTED', 'AWAITING_CONSENT', 'AUTHORIZED',
            'SOURCE_CREATED', 'TESTED', 'STORED', 'FAILED', 'CANCELLED', 'TIMED_OUT'))
);

-- No foreign key to tenant: the trail must outlive whatever it describes.
CREATE TABLE audit_log (
    seq       BIGINT GENERATED ALWAYS AS IDENTITY,
    tenant_id UUID                        NOT NULL,
    at        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    actor     VARCHAR                     NOT NULL,
    action    VARCHAR                     NOT NULL,
    resource  VARCHAR                     NOT NULL,
    details   VARCHAR,
    CONSTRAINT audit_log_pk PRIMARY KEY (seq)
);

CREATE INDEX audit_log_by_tenant ON audit_log (tenant_id, seq);

-- The vault's Tink keyset, encrypted by the key-encryption key that lives outside the database.
CREATE TABLE keyset (
    id               VARCHAR                     NOT NULL,
    encrypted_keyset VARBINARY                   NOT NULL,
    created_at       TIMESTAMP(9) WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP(9) NOT NULL,
    CONSTRAINT keyset_pk PRIMARY KEY (id)
);
