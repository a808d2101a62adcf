-- A connection's health as its last check found it: MISSING when Airbyte no longer has the source.
-- last_checked and last_error (V1) hold when the check ran and, when it did not pass, Airbyte's reason.

ALTER TABLE connection DROP CONSTRAINT connection_status_known;
ALTER TABLE connection ADD CONSTRAINT connection_status_known
    CHECK (status IN ('ACTIVE', 'FAILED', 'NEEDS_REAUTH', 'MISSING', 'DISCONNECTED'));
