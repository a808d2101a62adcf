-- Disconnecting goes through the flow journal like a connect (ADR 0023). A flow row says what kind
-- of flow it is and, for a flow on an existing connection (a reconnect, a disconnect), which
-- connection: start-up recovery finishes an interrupted disconnect, and a second flow on the same
-- connection is refused while one is unfinished. A disconnected connection is kept for the audit
-- trail, with when it was disconnected; its secret configuration is no longer needed and is wiped,
-- so key rotation passes it by.

ALTER TABLE connect_flow ADD COLUMN kind VARCHAR DEFAULT 'CONNECT' NOT NULL;
ALTER TABLE connect_flow ADD COLUMN connection_id UUID;
ALTER TABLE connect_flow ADD CONSTRAINT connect_flow_kind_known CHECK (kind IN ('CONNECT', 'DISCONNECT'));
ALTER TABLE connect_flow ADD CONSTRAINT connect_flow_disconnect_names_its_connection
    CHECK (kind <> 'DISCONNECT' OR connection_id IS NOT NULL);
ALTER TABLE connect_flow ADD CONSTRAINT connect_flow_connection_fk
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connection (tenant_id, id);
ALTER TABLE connect_flow DROP CONSTRAINT connect_flow_state_known;
ALTER TABLE connect_flow ADD CONSTRAINT connect_flow_state_known CHECK (state IN ('STARTED', 'AWAITING_CONSENT',
    'AUTHORIZED', 'SOURCE_CREATED', 'TESTED', 'STORED', 'FAILED', 'CANCELLED', 'TIMED_OUT', 'DISCONNECTING',
    'SOURCE_DELETED', 'DISCONNECTED'));

ALTER TABLE connection ADD COLUMN disconnected_at TIMESTAMP(9) WITH TIME ZONE;
ALTER TABLE connection ALTER COLUMN secret_config SET NULL;
-- No release wrote DISCONNECTED before this one; should a row have it, it is made whole.
UPDATE connection SET secret_config = NULL, disconnected_at = COALESCE(last_checked, created_at)
    WHERE status = 'DISCONNECTED';
ALTER TABLE connection ADD CONSTRAINT connection_secret_until_disconnected
    CHECK ((status = 'DISCONNECTED') = (secret_config IS NULL));
ALTER TABLE connection ADD CONSTRAINT connection_disconnected_at_when_disconnected
    CHECK ((status = 'DISCONNECTED') = (disconnected_at IS NOT NULL));
