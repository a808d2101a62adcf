package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.model.StreamInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port to one Airbyte: every call blocks its (background) thread and fails with an
 * {@link AirbyteException} that carries a sentence a person can act on. How it signs a person in to
 * a provider is its {@link #signIn()}; Airbyte Cloud's public API has no connector specifications,
 * so it answers {@link #getSpecification} with {@link AirbyteException.Kind#UNSUPPORTED} and
 * {@link #sourceDefinitions} with nothing.
 */
public interface AirbyteGateway {
    /** Where this Airbyte lives, for messages and diagnostics. */
    URI baseUrl();

    /**
     * Which Airbyte this is, the same in every run: its API base, or
     * {@link dev.onramp.model.AirbyteLocation#BUILT_IN_SIMULATOR} for the built-in simulator,
     * whose port changes from run to run.
     */
    default String address() {
        return baseUrl().toString();
    }

    /** The workspace this gateway's settings name (Airbyte Cloud's); empty where the business remembers its own. */
    default Optional<String> settingsWorkspace() {
        return Optional.empty();
    }

    List<Workspace> listWorkspaces();

    /**
     * Airbyte's clock, from the {@code Date} header of a cheap call's answer (also of a refusal, so
     * it works with wrong credentials); empty when the answer has no such header.
     */
    Optional<Instant> serverTime();

    ConnectorSpec getSpecification(String definitionId, String workspaceId);

    /**
     * The connectors this Airbyte offers in the workspace, custom ones included; empty when this kind
     * of Airbyte does not list them (Airbyte Cloud's public API), so the caller keeps the list Onramp
     * ships. Blocks.
     *
     * @throws AirbyteException when this Airbyte should list them and could not, or answered with
     *     something that is not such a list
     */
    Optional<List<SourceDefinition>> sourceDefinitions(String workspaceId);

    /** How this Airbyte signs a person in to a provider, and signs a source in again. */
    SignIn signIn();

    /** How this Airbyte gives an existing source new typed credentials, keeping its id. */
    SourceUpdate sourceUpdate();

    /** Creates a source and returns its id. */
    String createSource(String workspaceId, String definitionId, String name, ObjectNode configuration);

    CheckResult checkConnection(String sourceId);

    List<StreamInfo> discoverStreams(String sourceId);

    /**
     * The ids of the workspace's sources whose name contains {@code nameContains}: how a source is
     * found again when the answer to its creation was lost (a crash, a timeout).
     */
    List<String> findSources(String workspaceId, String nameContains);

    void deleteSource(String sourceId);
}
