package dev.onramp.store;

import dev.onramp.model.AuditEvent;

/** An audit entry as stored: the event and the two links of its chain. */
record AuditRow(AuditEvent event, byte[] prevMac, byte[] mac) {
    long seq() {
        return event.seq();
    }
}
