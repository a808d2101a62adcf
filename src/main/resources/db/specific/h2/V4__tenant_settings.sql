-- Which Airbyte each business's connections go to (the built-in simulator, a self-managed Airbyte or
-- Airbyte Cloud). What is shown in clear lives in plain columns; the login (user name or client id,
-- and its password or secret) is one Tink AEAD ciphertext whose associated data names this table,
-- column, tenant and row. A business without a row uses the simulator.

CREATE TABLE tenant_settings (
    tenant_id    UUID                        NOT NULL,
    target       VARCHAR                     NOT NULL,
    airbyte_url  VARCHAR,
    login        VARCHAR                     NOT NULL,
    secret_login VARBINARY,
    workspace_id VARCHAR,
    relay_url    VARCHAR,
    updated_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT tenant_settings_pk PRIMARY KEY (tenant_id),
    CONSTRAINT tenant_settings_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT tenant_settings_target_known CHECK (target IN ('DEMO', 'SELF_MANAGED', 'CLOUD')),
    CONSTRAINT tenant_settings_login_known CHECK (login IN ('NONE', 'BASIC', 'CLIENT_CREDENTIALS')),
    CONSTRAINT tenant_settings_login_sealed CHECK ((login = 'NONE') = (secret_login IS NULL))
);
