-- The window's Activity list pages through the audit trail newest first, filtered by business and by
-- action. The primary key (tenant_id, seq) serves a business's page and the unique seq the whole
-- trail's; these two serve the pages of one action, of all businesses or of one, without sorting.
CREATE INDEX audit_log_by_action ON audit_log (action, seq);
CREATE INDEX audit_log_by_tenant_action ON audit_log (tenant_id, action, seq);
