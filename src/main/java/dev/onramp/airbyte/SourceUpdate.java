package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How an Airbyte gives an existing source a new configuration (new typed credentials) under the same
 * id, and whether it can test that configuration before the source changes: a flow matches on it, as
 * on {@link SignIn}, so a third kind of Airbyte is a new case here rather than a test for a gateway's
 * class in the flow.
 */
public sealed interface SourceUpdate {
    /**
     * Replaces the source's whole configuration, keeping its id and name, once the configuration fits
     * the connector's specification (of {@code definitionId}, as Airbyte describes it in
     * {@code workspaceId}); one that does not fit is refused before anything is sent.
     */
    void replaceConfiguration(String workspaceId, String definitionId, String sourceId, ObjectNode configuration);

    /**
     * Airbyte tests a proposed configuration of an existing source without changing the source (the
     * Config API's {@code sources/check_connection_for_update}), so a refused one never reaches it.
     */
    non-sealed interface TestedFirst extends SourceUpdate {
        /**
         * Asks Airbyte to test the source with {@code configuration} (checked first against the
         * connector's specification, as for {@link #replaceConfiguration}); the source keeps the one it has.
         */
        CheckResult checkConfiguration(String workspaceId, String definitionId, String sourceId,
                ObjectNode configuration);
    }

    /**
     * Airbyte tests only the source as it is (Airbyte Cloud's public API has no test of a proposed
     * configuration): the flow replaces the configuration, tests the source, and replaces it again
     * with the previous one when the test fails.
     */
    non-sealed interface TestedAfter extends SourceUpdate {}
}
