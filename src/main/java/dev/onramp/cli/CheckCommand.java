package dev.onramp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.AppContext;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.connect.ConnectionHealth;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code onramp check}: tests a business's stored connections again in its Airbyte and says how each is. */
@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Option(names = "--tenant", paramLabel = "NAME")
    String tenantName;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = root.env().out();
        try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(5))) {
            Tenant tenant = Tenants.pick(app, tenantName, root.messages());
            Text airbyte = app.settings().describeText(tenant.id());
            if (!json) {
                out.println(root.messages().get("cli.check.heading", tenant.name(), airbyte));
                out.flush();
            }
            Messages messages = root.messages();
            List<ConnectionHealth> results = app.connect().checkConnections(tenant.id(), health -> {
                if (!json) {
                    synchronized (out) {
                        out.printf("%-22s %-28s %-20s %s%n", health.connection().providerId(),
                                health.connection().accountLabel(), messages.render(health.wordsText()),
                                health.errorText().map(messages::render).orElse(""));
                        out.flush();
                    }
                }
            });
            if (json) {
                out.println(asJson(tenant, results));
            } else if (results.isEmpty()) {
                out.println(root.messages().get("cli.connections.none"));
            }
            out.flush();
            return results.stream().allMatch(health -> health.checked() && health.status() == ConnectionStatus.ACTIVE)
                    ? 0 : OnrampCommand.FAILED;
        } catch (InvalidInputException | AirbyteException e) {
            root.env().err().println("onramp: " + root.messages().message(e));
            return OnrampCommand.FAILED;
        }
    }

    private static String asJson(Tenant tenant, List<ConnectionHealth> results) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode rows = mapper.createArrayNode();
        for (ConnectionHealth health : results) {
            ObjectNode row = ConnectionsCommand.fill(rows.addObject(), tenant, health.connection());
            row.put("status", health.status().name());
            // A check that could not run is no check: the time stays the last real one's.
            Optional<Instant> lastChecked = health.checked() ? Optional.of(health.checkedAt())
                    : health.connection().lastChecked();
            if (lastChecked.isPresent()) {
                row.put("lastChecked", lastChecked.get().toString());
            } else {
                row.putNull("lastChecked");
            }
            if (health.error().isPresent()) {
                row.put("lastError", health.error().get());
            } else {
                row.putNull("lastError");
            }
        }
        try {
            return mapper.writeValueAsString(rows);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not write the checks as JSON", e);
        }
    }
}
