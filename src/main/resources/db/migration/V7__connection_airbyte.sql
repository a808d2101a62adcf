-- The Airbyte each connection's source was made in (address and workspace), so that a business
-- that now uses another Airbyte is told its connection lives elsewhere (OTHER_AIRBYTE) rather than
-- shown as connected. The built-in simulator's address is 'onramp:built-in-simulator', whatever
-- port it listened on.

ALTER TABLE connection ADD COLUMN airbyte_address VARCHAR;
ALTER TABLE connection ADD COLUMN airbyte_workspace VARCHAR;

ALTER TABLE connection DROP CONSTRAINT connection_status_known;
ALTER TABLE connection ADD CONSTRAINT connection_status_known
    CHECK (status IN ('ACTIVE', 'FAILED', 'NEEDS_REAUTH', 'MISSING', 'OTHER_AIRBYTE', 'DISCONNECTED'));

-- Existing rows: the Airbyte the business's settings name now is the best that is known of where
-- they were made (a row made under settings since changed is then found missing or in another
-- Airbyte by its next check, never connected by mistake). A business without settings used the
-- simulator; its remembered workspace is the one flows used.
UPDATE connection c SET
    airbyte_address = COALESCE(
        (SELECT CASE s.target WHEN 'DEMO' THEN 'onramp:built-in-simulator'
                WHEN 'CLOUD' THEN COALESCE(s.airbyte_url, 'https://api.airbyte.com/v1') ELSE s.airbyte_url END
           FROM tenant_settings s WHERE s.tenant_id = c.tenant_id),
        'onramp:built-in-simulator'),
    airbyte_workspace = (SELECT COALESCE(s.workspace_id, t.workspace_id)
           FROM tenant t LEFT JOIN tenant_settings s ON s.tenant_id = t.id WHERE t.id = c.tenant_id);
