package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Tenant;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Codes, tokens and the state of a whole flow, logged at DEBUG, never show up in a log line, an
 * audit entry, an outcome's message or a step shown to the person.
 */
class SecretsStayOutTest {
    @TempDir
    Path dataDir;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level rootLevel;
    private SelfManagedFixture fx;
    private ConnectService service;
    private Tenant tenant;

    @BeforeEach
    void setUp() {
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        logged.start();
        root.addAppender(logged);
        fx = new SelfManagedFixture(dataDir);
        tenant = fx.store.addTenant("Acme Outdoor", "online-store");
        service = fx.service(new ScriptedBrowser(Decision.ALLOW));
    }

    @AfterEach
    void tearDown() {
        root.detachAppender(logged);
        root.setLevel(rootLevel);
        fx.close();
    }

    @Test
    void successfulFlow_keepsEverySecretOutOfLogsAuditOutcomeAndSteps() throws Exception {
        FlowWatcher watcher = new FlowWatcher();

        ConnectOutcome outcome = outcomeOf(service.connect(tenant.id(), "hubspot", watcher));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        assertNoSecretIn(texts(watcher, outcome), secrets(watcher));
    }

    @Test
    void airbyteEchoingTheCodeInItsError_doesNotCarryItIntoTheMessageLogsOrAudit() throws Exception {
        fx.airbyte.proxy().replace("source_oauths/complete_oauth", 400, request -> "{\"message\":\"Refused " + request
                .replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        FlowWatcher watcher = new FlowWatcher();

        ConnectOutcome outcome = outcomeOf(service.connect(tenant.id(), "hubspot", watcher));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Ended.class);
        assertThat(((ConnectOutcome.Ended) outcome).message()).contains("Refused");
        assertNoSecretIn(texts(watcher, outcome), secrets(watcher));
    }

    private Set<String> secrets(FlowWatcher watcher) throws Exception {
        Set<String> secrets = new HashSet<>(fx.airbyte.simulator().issuedSecrets());
        secrets.add(watcher.awaitState());
        assertThat(fx.airbyte.simulator().issuedSecrets()).as("the simulator issued a code").isNotEmpty();
        return secrets;
    }

    private List<String> texts(FlowWatcher watcher, ConnectOutcome outcome) {
        List<String> texts = new ArrayList<>();
        List<ILoggingEvent> events;
        synchronized (logged) {
            // Other threads may still be logging; appends hold the appender's lock.
            events = new ArrayList<>(logged.list);
        }
        for (ILoggingEvent event : events) {
            texts.add(event.getFormattedMessage());
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                texts.add(thrown.getClassName() + ": " + thrown.getMessage());
            }
        }
        for (AuditEvent entry : fx.store.audit().list(tenant.id())) {
            texts.add(entry.action() + " " + entry.resource() + " " + entry.details());
        }
        texts.add(outcome.toString());
        watcher.steps().forEach(step -> texts.add(step.label()));
        assertThat(events).as("DEBUG logging was captured").isNotEmpty();
        return texts;
    }

    private static void assertNoSecretIn(List<String> texts, Set<String> secrets) {
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(secrets));
    }
}
