package dev.onramp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.AppContext;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.connect.SignInReadiness;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code onramp oauth-check}: whether the business's Airbyte can start each OAuth connector's sign-in. */
@Command(name = "oauth-check", mixinStandardHelpOptions = true)
final class OAuthCheckCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Option(names = "--tenant", paramLabel = "NAME")
    String tenantName;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = root.env().out();
        PrintWriter err = root.env().err();
        try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(5))) {
            Tenant tenant = Tenants.pick(app, tenantName, root.messages());
            if (!json) {
                out.println(root.messages().get("cli.oauthCheck.heading", app.settings().describeText(tenant.id()),
                        tenant.name()));
                out.flush();
            }
            List<SignInReadiness> results = app.connect().signInReadiness(tenant.id(), result -> {
                if (!json) {
                    out.printf("%-24s %-19s %s%n", result.providerName(), root.messages().render(result.state().text()),
                            root.messages().render(result.detailText()));
                    out.flush();
                }
            });
            if (json) {
                out.println(asJson(tenant, results));
            }
            out.flush();
            return results.stream().noneMatch(result -> result.state().needsSetUp()) ? 0 : OnrampCommand.FAILED;
        } catch (InvalidInputException | AirbyteException e) {
            err.println("onramp: " + root.messages().message(e));
            return OnrampCommand.FAILED;
        }
    }

    private static String asJson(Tenant tenant, List<SignInReadiness> results) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode().put("tenant", tenant.name());
        ArrayNode connectors = root.putArray("connectors");
        for (SignInReadiness result : results) {
            ObjectNode entry = connectors.addObject()
                    .put("provider", result.providerId())
                    .put("name", result.providerName())
                    .put("state", result.state().name())
                    .put("detail", Messages.english().render(result.detailText()));
            result.redirectUri().ifPresent(uri -> entry.put("redirectUri", uri));
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Readiness results are plain JSON", e);
        }
    }
}
