-- When the window last showed each business, so that it reopens on the one used last rather than on
-- the first by name. NULL for a business the window has not shown since this column came.

ALTER TABLE tenant ADD COLUMN last_used_at TIMESTAMP(9) WITH TIME ZONE;
