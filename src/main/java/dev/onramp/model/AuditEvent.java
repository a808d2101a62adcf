package dev.onramp.model;

import java.time.Instant;

/** One entry of the audit trail: who did what to which resource, never with a secret in it. */
public record AuditEvent(
        long seq, TenantId tenantId, Instant at, String actor, String action, String resource, String details) {}
