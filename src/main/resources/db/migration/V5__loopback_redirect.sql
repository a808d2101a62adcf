-- The loopback redirect each business's sign-ins use (host, first port and how many ports; port 0
-- is "any free port"), and the default for every business under the nil UUID as its tenant_id. A
-- business without a row uses the default; without a default row, Onramp's own (127.0.0.1, 47151 and
-- the next 2 ports). No foreign key: the nil UUID names no business.

CREATE TABLE loopback_redirect (
    tenant_id  UUID                        NOT NULL,
    host       VARCHAR                     NOT NULL,
    first_port INTEGER                     NOT NULL,
    port_count INTEGER                     NOT NULL,
    updated_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT loopback_redirect_pk PRIMARY KEY (tenant_id),
    CONSTRAINT loopback_redirect_host_known CHECK (host IN ('127.0.0.1', 'localhost')),
    CONSTRAINT loopback_redirect_ports CHECK ((first_port = 0 AND port_count = 1)
        OR (first_port BETWEEN 1024 AND 65535 AND port_count BETWEEN 1 AND 10 AND first_port + port_count - 1 <= 65535))
);
