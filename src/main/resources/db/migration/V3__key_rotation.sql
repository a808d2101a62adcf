-- Progress of vault key rotations: the new primary key, how far the re-encryption of stored secrets
-- got (the last row done, in (tenant_id, id) order) and when it finished, so that a rotation cut
-- short by a crash continues where it stopped.
CREATE TABLE key_rotation (
    id              UUID                        NOT NULL,
    keyset_id       VARCHAR                     NOT NULL,
    primary_key_id  INTEGER                     NOT NULL,
    started_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP(9) WITH TIME ZONE,
    after_tenant_id UUID,
    after_row_id    UUID,
    reencrypted     BIGINT                      DEFAULT 0 NOT NULL,
    CONSTRAINT key_rotation_pk PRIMARY KEY (id),
    CONSTRAINT key_rotation_keyset_fk FOREIGN KEY (keyset_id) REFERENCES keyset (id),
    CONSTRAINT key_rotation_cursor_whole CHECK ((after_tenant_id IS NULL) = (after_row_id IS NULL))
);
