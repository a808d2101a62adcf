package dev.onramp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.AppContext;
import dev.onramp.model.Connection;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.text.Messages;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code onramp connections}: lists the stored connections, as a table or as JSON. */
@Command(name = "connections", mixinStandardHelpOptions = true)
final class ConnectionsCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Option(names = "--tenant", paramLabel = "NAME")
    String tenantName;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--all")
    boolean all;

    @Override
    public Integer call() {
        PrintWriter out = root.env().out();
        try (AppContext app = root.openApp(url -> false, java.time.Duration.ofMinutes(5))) {
            List<Tenant> tenants = tenantName == null ? app.tenants().tenantsCreatingDemoIfNone()
                    : List.of(app.tenants().byName(tenantName).orElseThrow(() ->
                            new InvalidInputException(root.messages().get("cli.connections.noBusiness", tenantName.strip()))));
            if (json) {
                out.println(asJson(app, tenants));
            } else {
                printTable(app, tenants, all, out, root.messages());
            }
            out.flush();
            return 0;
        } catch (InvalidInputException e) {
            root.env().err().println("onramp: " + root.messages().message(e));
            return OnrampCommand.FAILED;
        }
    }

    private static void printTable(AppContext app, List<Tenant> tenants, boolean all, PrintWriter out, Messages messages) {
        String format = "%-24s %-20s %-28s %-8s %7s  %s%n";
        out.printf(format, messages.get("cli.connections.column.business"), messages.get("cli.connections.column.provider"),
                messages.get("cli.connections.column.account"), messages.get("cli.connections.column.status"),
                messages.get("cli.connections.column.streams"), messages.get("cli.connections.column.source"));
        int rows = 0;
        int hidden = 0;
        for (Tenant tenant : tenants) {
            for (Connection c : app.connect().connections(tenant.id())) {
                if (c.disconnected() && !all) {
                    hidden++;
                    continue;
                }
                out.printf(format, tenant.name(), c.providerId(), c.accountLabel(), c.status(), c.streamCount(),
                        c.sourceId());
                rows++;
            }
        }
        if (rows == 0 && hidden == 0) {
            out.println(messages.get("cli.connections.none"));
        }
        if (hidden > 0) {
            out.println(messages.get("cli.connections.hidden", hidden));
        }
    }

    /** The fields of one connection in {@code connections --json}, which {@code check --json} shares. */
    static ObjectNode fill(ObjectNode row, Tenant tenant, Connection c) {
        row.put("id", c.id().toString());
        row.put("tenant", tenant.name());
        row.put("provider", c.providerId());
        row.put("account", c.accountLabel());
        row.put("status", c.status().name());
        row.put("sourceId", c.sourceId());
        row.put("streamCount", c.streamCount());
        c.streams().forEach(row.putArray("streams")::add);
        row.put("createdAt", c.createdAt().toString());
        if (c.airbyte().isPresent()) {
            ObjectNode airbyte = row.putObject("airbyte");
            airbyte.put("address", c.airbyte().get().address());
            airbyte.put("workspace", c.airbyte().get().workspaceId().orElse(null));
            airbyte.put("description", c.airbyte().get().describe());
        } else {
            // Made before Onramp recorded where: its next check in the business's Airbyte tells.
            row.putNull("airbyte");
        }
        if (c.disconnectedAt().isPresent()) {
            row.put("disconnectedAt", c.disconnectedAt().get().toString());
        }
        return row;
    }

    private static String asJson(AppContext app, List<Tenant> tenants) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode rows = mapper.createArrayNode();
        for (Tenant tenant : tenants) {
            for (Connection c : app.connect().connections(tenant.id())) {
                fill(rows.addObject(), tenant, c);
            }
        }
        try {
            return mapper.writeValueAsString(rows);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not write the connections as JSON", e);
        }
    }
}
