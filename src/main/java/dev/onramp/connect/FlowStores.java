package dev.onramp.connect;

import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.TenantRepository;
import java.time.Clock;

/** What every journaled flow reads and records into, with the clock and the actor its audit entries name. */
record FlowStores(Database db, TenantRepository tenants, ConnectionRepository connections, FlowJournal journal,
        AuditLog audit, Clock clock, String actor) {}
