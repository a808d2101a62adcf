-- The audit trail becomes tamper-evident, as db/specific/h2/V2 makes it on H2 (docs/adr/0033): each
-- entry carries mac = HMAC(k_audit, prev_mac || entry), a one-row head names the newest entry, and the
-- database itself refuses UPDATE and DELETE. On PostgreSQL the refusal is a PL/pgSQL trigger function
-- (H2 calls the Java class AppendOnlyTrigger) raising the same SQLSTATE and sentence, and TRUNCATE is
-- refused too (H2 has no TRUNCATE … CASCADE to get past the head's foreign key; PostgreSQL has).
-- The MAC key lives encrypted in the keyset table, out of reach of SQL, so the entries a V1 release
-- wrote move to audit_log_v1 and Onramp chains them into the new log the first time it opens it.

ALTER TABLE audit_log RENAME TO audit_log_v1;
ALTER TABLE audit_log_v1 RENAME CONSTRAINT audit_log_pk TO audit_log_v1_pk;
ALTER INDEX audit_log_by_tenant RENAME TO audit_log_v1_by_tenant;

-- seq is handed out by Onramp from audit_head, gap-free, so a missing entry shows as a missing number.
-- No foreign key to tenant: the trail must outlive whatever it describes.
CREATE TABLE audit_log (
    seq       BIGINT                      NOT NULL,
    tenant_id UUID                        NOT NULL,
    at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor     VARCHAR                     NOT NULL,
    action    VARCHAR                     NOT NULL,
    resource  VARCHAR                     NOT NULL,
    details   VARCHAR,
    prev_mac  BYTEA                       NOT NULL,
    mac       BYTEA                       NOT NULL,
    CONSTRAINT audit_log_pk PRIMARY KEY (tenant_id, seq),
    CONSTRAINT audit_log_seq_unique UNIQUE (seq),
    CONSTRAINT audit_log_seq_positive CHECK (seq > 0)
);

-- The newest entry (NULL while the log is empty). Appends lock this row, so they queue instead of
-- forking the chain. The foreign key also makes a plain TRUNCATE and DROP of audit_log fail.
CREATE TABLE audit_head (
    id  INTEGER NOT NULL,
    seq BIGINT,
    CONSTRAINT audit_head_pk PRIMARY KEY (id),
    CONSTRAINT audit_head_single_row CHECK (id = 1),
    CONSTRAINT audit_head_entry_fk FOREIGN KEY (seq) REFERENCES audit_log (seq)
);

INSERT INTO audit_head (id, seq) VALUES (1, NULL);

-- SQLSTATE class 45: an exception raised on purpose by the database's own rules (AppendOnlyTrigger.SQL_STATE).
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Onramp''s audit log is append-only: its entries cannot be changed or deleted.'
        USING ERRCODE = '45000';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_never_truncated BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
