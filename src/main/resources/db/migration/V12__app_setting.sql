-- Settings of the whole app rather than of one business, one row each by name, such as how many
-- minutes without input the window waits before it resets the demo (idle_reset_minutes; none: off).

CREATE TABLE app_setting (
    name          VARCHAR                     NOT NULL,
    setting_value VARCHAR                     NOT NULL,
    updated_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT app_setting_pk PRIMARY KEY (name)
);
