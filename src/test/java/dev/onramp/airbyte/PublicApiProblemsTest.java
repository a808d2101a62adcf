package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every problem type of Airbyte's {@code api-problems.yaml} (listed in the test resource
 * {@code problem-types.json}) becomes an {@link AirbyteException} whose sentence a person can act on.
 */
class PublicApiProblemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cr3t-client-secret-value";
    private static final Map<Integer, Set<Kind>> KINDS_BY_STATUS = Map.ofEntries(
            Map.entry(301, Set.of(Kind.BAD_RESPONSE)),
            Map.entry(400, Set.of(Kind.REJECTED, Kind.NOT_FOUND)),
            Map.entry(401, Set.of(Kind.UNAUTHORIZED)),
            Map.entry(403, Set.of(Kind.UNAUTHORIZED, Kind.UNSUPPORTED)),
            Map.entry(404, Set.of(Kind.NOT_FOUND, Kind.REJECTED)),
            Map.entry(408, Set.of(Kind.TIMEOUT)),
            Map.entry(409, Set.of(Kind.CONFLICT)),
            Map.entry(412, Set.of(Kind.REJECTED)),
            Map.entry(422, Set.of(Kind.REJECTED)),
            Map.entry(500, Set.of(Kind.SERVER_ERROR, Kind.REJECTED)),
            Map.entry(501, Set.of(Kind.UNSUPPORTED)),
            Map.entry(503, Set.of(Kind.SERVER_ERROR)));

    private final PublicApiProblems cloud = new PublicApiProblems("Airbyte Cloud", true);

    private static final List<JsonNode> TYPES = load();

    static Stream<Arguments> problemTypes() {
        return TYPES.stream().map(type -> Arguments.of(type.path("name").asText(), type));
    }

    private static List<JsonNode> load() {
        try (InputStream in = PublicApiProblemsTest.class.getResourceAsStream("problem-types.json")) {
            List<JsonNode> problems = new ArrayList<>();
            JSON.readTree(in).path("problems").forEach(problems::add);
            return List.copyOf(problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problem as Airbyte sends it: the type's constants, and data whose every field says something. */
    private static ObjectNode body(JsonNode type) {
        ObjectNode body = JSON.createObjectNode()
                .put("status", type.path("status").asInt())
                .put("type", type.path("type").asText())
                .put("title", type.path("title").asText());
        if (type.has("detail")) {
            body.put("detail", type.path("detail").asText());
        }
        ObjectNode data = body.putObject("data");
        type.path("dataFields").forEach(field -> data.put(field.asText(), "value of " + field.asText()));
        return body;
    }

    private AirbyteException map(PublicApiCall call, JsonNode body) {
        Redactor redactor = new Redactor(JSON.createObjectNode().put("client_secret", SECRET), List.of("client_secret"));
        return cloud.map(new PublicApiProblems.Context(call, Optional.of("HubSpot"), redactor),
                body.path("status").asInt(), Optional.of(body), Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problemTypes")
    void everyProblemType_becomesAnActionableSentenceOfAFittingKind(String name, JsonNode type) {
        AirbyteException error = map(PublicApiCall.LIST_STREAMS, body(type));

        assertThat(KINDS_BY_STATUS.get(type.path("status").asInt())).as(name).contains(error.kind());
        assertThat(error.getMessage())
                .matches("^(Airbyte|This Airbyte|The source).*[.]$")
                .doesNotContain("null")
                .doesNotContain("https://reference.airbyte.com");
    }

    @Test
    void invalidApiKey_saysTheClientIdOrSecretWasRejected() {
        AirbyteException error = map(PublicApiCall.LIST_WORKSPACES, problem("invalid-api-key"));

        assertThat(error.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(error).hasMessage("Airbyte rejected the client id/secret (Airbyte Cloud). Check them in Settings;"
                + " Airbyte shows them under Settings → Applications.");
    }

    @Test
    void invalidRedirectUrl_asksForAnHttpsRelay() {
        AirbyteException error = map(PublicApiCall.INITIATE_OAUTH, problem("invalid-redirect-url"));

        assertThat(error.kind()).isEqualTo(Kind.REJECTED);
        assertThat(error).hasMessageEndingWith("Cloud needs an https relay: set it in Settings.");
    }

    @Test
    void unknownDefinition_saysWhichConnectorThisAirbyteLacks() {
        ObjectNode body = problem("resource-not-found");
        body.putObject("data").put("resourceType", "source_definition").put("resourceId", "36c891d9-4bd9-43ac-bad2-10e12756272c");

        AirbyteException error = map(PublicApiCall.CREATE_SOURCE, body);

        assertThat(error.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(error).hasMessageStartingWith("This Airbyte does not have the HubSpot connector");
    }

    @Test
    void unknownSource_asksToConnectAgain() {
        ObjectNode body = problem("resource-not-found");
        body.putObject("data").put("resourceType", "source").put("resourceId", "5b1f0a3e-1111-2222-3333-444444444444");

        assertThat(map(PublicApiCall.TEST_SOURCE, body))
                .hasMessage("The source no longer exists in Airbyte Cloud: connect the account again.");
    }

    @Test
    void sourceTypeWithoutApiSignIn_pointsToTypedCredentials() {
        ObjectNode body = problem("value-not-found");
        body.putObject("data").put("value", "hubspot");

        AirbyteException error = map(PublicApiCall.INITIATE_OAUTH, body);

        assertThat(error.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(error).hasMessage("Airbyte Cloud cannot start a sign-in to HubSpot through its API: connect it with an"
                + " access token or API key instead.");
    }

    @Test
    void refusedTokenRequest_saysTheClientIdOrSecretWasRejected() {
        AirbyteException error = cloud.map(new PublicApiProblems.Context(PublicApiCall.MINT_TOKEN, Optional.empty(),
                new Redactor(JSON.createObjectNode(), List.of())), 403, Optional.empty(), Optional.empty());

        assertThat(error).hasMessageStartingWith("Airbyte rejected the client id/secret");
    }

    @Test
    void tooManyRequests_saysHowLongAirbyteAsksToWait() {
        AirbyteException error = cloud.map(new PublicApiProblems.Context(PublicApiCall.LIST_STREAMS, Optional.empty(),
                new Redactor(JSON.createObjectNode(), List.of())), 429, Optional.empty(), Optional.of("12"));

        assertThat(error.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(error).hasMessage("Airbyte Cloud refused to list the source's streams because Onramp called it too often"
                + " (HTTP 429): wait 12 seconds as it asks, then try again.");
    }

    @Test
    void airbytesWordsThatEchoASecret_haveItHidden() {
        ObjectNode body = problem("bad-request");
        body.putObject("data").put("message", "client_secret " + SECRET + " is malformed");

        AirbyteException error = map(PublicApiCall.LIST_WORKSPACES, body);

        assertThat(error.getMessage()).doesNotContain(SECRET).contains("client_secret [hidden] is malformed");
    }

    @Test
    void gatewayPageThatIsNotJson_isAServerErrorWithoutDetails() {
        AirbyteException error = cloud.map(new PublicApiProblems.Context(PublicApiCall.LIST_STREAMS, Optional.empty(),
                new Redactor(JSON.createObjectNode(), List.of())), 502, Optional.empty(), Optional.empty());

        assertThat(error.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(error).hasMessage("Airbyte Cloud failed to list the source's streams (HTTP 502: no details given). Try"
                + " again; if it keeps failing, check status.airbyte.com or ask Airbyte's support.");
    }

    @Test
    void aDiscoverTheConnectorFailed_isAFailedTestWithTheConnectorsWords_notAnOutage() {
        ObjectNode body = problem("unexpected-problem");
        body.putObject("data").put("message", "Something went wrong in the connector. logs:HTTP 401 Unauthorized: The"
                + " access token provided is expired, revoked, malformed, or invalid for other reasons.");

        AirbyteException test = map(PublicApiCall.TEST_SOURCE, body);
        AirbyteException create = map(PublicApiCall.CREATE_SOURCE, body);

        assertThat(test.kind()).isEqualTo(Kind.REJECTED);
        assertThat(test).hasMessage("Airbyte Cloud could not read from the source: HTTP 401 Unauthorized: The access"
                + " token provided is expired, revoked, malformed, or invalid for other reasons.");
        assertThat(create.kind()).as("elsewhere it is Airbyte failing").isEqualTo(Kind.SERVER_ERROR);
    }

    @Test
    void anUnexpectedProblemOfAnotherKindOnAStreamListing_staysAServerError() {
        ObjectNode body = problem("unexpected-problem");
        body.putObject("data").put("message", "Connection pool exhausted");

        assertThat(map(PublicApiCall.TEST_SOURCE, body).kind()).isEqualTo(Kind.SERVER_ERROR);
    }

    private static ObjectNode problem(String title) {
        return TYPES.stream().filter(type -> type.path("title").asText().equals(title)).map(PublicApiProblemsTest::body)
                .findFirst().orElseThrow();
    }
}
