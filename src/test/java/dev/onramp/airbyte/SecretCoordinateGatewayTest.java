package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.RedirectCatcher;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Completing an OAuth so that Airbyte keeps the tokens, against the simulator over HTTP, and the fallback. */
class SecretCoordinateGatewayTest {
    private static final String ZENDESK = "79c1aa37-dae3-42ae-b333-d1c105477715";

    private final ObjectMapper json = new ObjectMapper();
    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private final ConfigApiGateway gateway = new ConfigApiGateway(simulator.apiBaseUrl(), Duration.ofSeconds(10));
    private final String workspace = simulator.workspaceId();
    private final ObjectNode acme = json.createObjectNode().put("subdomain", "acme");

    @AfterEach
    void stop() {
        simulator.close();
    }

    private OAuthCompletion authorizeZendesk() throws Exception {
        try (RedirectCatcher catcher = RedirectCatcher.start()) {
            new ScriptedBrowser(Decision.ALLOW).open(gateway.getConsentUrl(ZENDESK, workspace, catcher.redirectUri(), acme));
            Map<String, String> callback = catcher.params().get(10, TimeUnit.SECONDS);
            return gateway.completeOAuthKeepingTokens(ZENDESK, workspace, catcher.redirectUri(), callback, acme);
        }
    }

    private ObjectNode oauthConfiguration() {
        ObjectNode configuration = acme.deepCopy();
        configuration.putObject("credentials").put("credentials", "oauth2_refresh");
        return configuration;
    }

    @Test
    void airbyteThatKeepsTheTokens_answersWithASecretCoordinate() throws Exception {
        assertThat(authorizeZendesk()).isInstanceOfSatisfying(OAuthCompletion.SecretCoordinate.class,
                kept -> assertThat(kept.secretId()).startsWith("airbyte_oauth_workspace_"));
    }

    @Test
    void sourceCreatedWithTheSecretCoordinate_passesItsCheck() throws Exception {
        OAuthCompletion.SecretCoordinate kept = (OAuthCompletion.SecretCoordinate) authorizeZendesk();

        String sourceId = gateway.createSourceWithSecret(workspace, ZENDESK, "Zendesk", oauthConfiguration(), kept.secretId());

        assertThat(gateway.checkConnection(sourceId).succeeded()).isTrue();
    }

    @Test
    void signInAgainWithTheSecretCoordinate_sendsAPartOfTheConfiguration_whichNeedNotHoldEveryRequiredField()
            throws Exception {
        OAuthCompletion.SecretCoordinate kept = (OAuthCompletion.SecretCoordinate) authorizeZendesk();
        String sourceId = gateway.createSourceWithSecret(workspace, ZENDESK, "Zendesk", oauthConfiguration(), kept.secretId());
        ObjectNode onlyThePredicate = json.createObjectNode();
        onlyThePredicate.putObject("credentials").put("credentials", "oauth2_refresh");

        gateway.reauthorizeSource(workspace, ZENDESK, sourceId, onlyThePredicate, authorizeZendesk());

        assertThat(gateway.checkConnection(sourceId).succeeded()).isTrue();
    }

    @Test
    void signInAgainWithAValueTheSpecificationRefuses_isRefusedBeforeThePartialUpdate() throws Exception {
        OAuthCompletion.SecretCoordinate kept = (OAuthCompletion.SecretCoordinate) authorizeZendesk();
        String sourceId = gateway.createSourceWithSecret(workspace, ZENDESK, "Zendesk", oauthConfiguration(), kept.secretId());
        ObjectNode configuration = oauthConfiguration().put("start_date", "last spring");
        OAuthCompletion again = authorizeZendesk();

        assertThatThrownBy(() -> gateway.reauthorizeSource(workspace, ZENDESK, sourceId, configuration, again))
                .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(AirbyteException.Kind.REJECTED))
                .hasMessageStartingWith("Onramp did not ask Airbyte to give the source its new sign-in, because the settings"
                        + " do not fit the specification of the connector " + ZENDESK + ": \"Start Date\" (start_date)")
                .hasMessageNotContaining("last spring");
        assertThat(simulator.calls()).doesNotContain("POST /api/v1/sources/partial_update");
    }

    @Test
    void airbyteIgnoringTheFlag_answersWithTheTokens() throws Exception {
        simulator.ignoreReturnSecretCoordinate(true);

        assertThat(authorizeZendesk()).isInstanceOfSatisfying(OAuthCompletion.Tokens.class, tokens ->
                assertThat(simulator.issuedSecrets()).contains(tokens.authPayload().path("access_token").asText()));
    }

    @Test
    void completions_neverShowTheirSecretsWhenPrinted() throws Exception {
        OAuthCompletion kept = authorizeZendesk();
        simulator.ignoreReturnSecretCoordinate(true);
        OAuthCompletion tokens = authorizeZendesk();

        assertThat(simulator.issuedSecrets()).allSatisfy(secret -> {
            assertThat(kept.toString()).doesNotContain(secret);
            assertThat(tokens.toString()).doesNotContain(secret);
        });
        assertThat(tokens.toString()).contains("access_token");
    }
}
