-- A test upgrade that fails after its first statement, as a broken release would.
CREATE TABLE half_done (id INTEGER);
INSERT INTO no_such_table VALUES (1);
