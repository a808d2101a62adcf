package dev.onramp.airbyte;

import dev.onramp.text.Text;

/** The Config API calls Onramp makes, each with the words its error messages use and whether it may be repeated. */
enum ConfigApiCall implements ApiCall {
    LIST_WORKSPACES("workspaces/list_by_organization_id"),
    LIST_SOURCE_DEFINITIONS("source_definitions/list_for_workspace"),
    GET_SPECIFICATION("source_definition_specifications/get"),
    GET_CONSENT_URL("source_oauths/get_consent_url"),
    /** Not repeatable: a code can be redeemed once. */
    COMPLETE_OAUTH("source_oauths/complete_oauth", false),
    /** Not repeatable: a second create may make a second source. */
    CREATE_SOURCE("sources/create", false),
    CHECK_CONNECTION("sources/check_connection"),
    CHECK_CONNECTION_FOR_UPDATE("sources/check_connection_for_update"),
    DISCOVER_SCHEMA("sources/discover_schema"),
    LIST_SOURCES("sources/list"),
    GET_SOURCE("sources/get"),
    UPDATE_SOURCE("sources/update"),
    PARTIAL_UPDATE_SOURCE("sources/partial_update"),
    DELETE_SOURCE("sources/delete"),
    MINT_TOKEN("applications/token");

    private final String endpoint;
    private final boolean repeatable;

    ConfigApiCall(String endpoint) {
        this(endpoint, true);
    }

    ConfigApiCall(String endpoint, boolean repeatable) {
        this.endpoint = endpoint;
        this.repeatable = repeatable;
    }

    /** The path under {@code /api/v1/}. */
    String endpoint() {
        return endpoint;
    }

    @Override
    public Text action() {
        return switch (this) {
            case LIST_WORKSPACES -> Text.of("airbyte.call.listWorkspaces");
            case LIST_SOURCE_DEFINITIONS -> Text.of("airbyte.call.listConnectors");
            case GET_SPECIFICATION -> Text.of("airbyte.call.describeConnector");
            case GET_CONSENT_URL -> Text.of("airbyte.call.startAuthorization");
            case COMPLETE_OAUTH -> Text.of("airbyte.call.finishAuthorization");
            case CREATE_SOURCE -> Text.of("airbyte.call.createSource");
            case CHECK_CONNECTION -> Text.of("airbyte.call.testSource");
            case CHECK_CONNECTION_FOR_UPDATE -> Text.of("airbyte.call.testNewSettings");
            case DISCOVER_SCHEMA -> Text.of("airbyte.call.listStreams");
            case LIST_SOURCES -> Text.of("airbyte.call.listWorkspaceSources");
            case GET_SOURCE -> Text.of("airbyte.call.readSource");
            case UPDATE_SOURCE -> Text.of("airbyte.call.updateSource");
            case PARTIAL_UPDATE_SOURCE -> Text.of("airbyte.call.giveNewSignIn");
            case DELETE_SOURCE -> Text.of("airbyte.call.deleteSource");
            case MINT_TOKEN -> Text.of("airbyte.call.mintToken");
        };
    }

    @Override
    public boolean repeatable() {
        return repeatable;
    }

    @Override
    public boolean createsSource() {
        return this == CREATE_SOURCE;
    }

    /** What to check when Airbyte does not know what the call named. */
    Text notFoundHint() {
        return switch (this) {
            case LIST_WORKSPACES -> Text.of("airbyte.hint.needsVersion1");
            case LIST_SOURCE_DEFINITIONS, LIST_SOURCES -> Text.of("airbyte.hint.workspaceExists");
            case GET_SPECIFICATION, GET_CONSENT_URL, COMPLETE_OAUTH, CREATE_SOURCE -> Text.of("airbyte.hint.connectorInstalled");
            case CHECK_CONNECTION, CHECK_CONNECTION_FOR_UPDATE, DISCOVER_SCHEMA, GET_SOURCE, UPDATE_SOURCE,
                    PARTIAL_UPDATE_SOURCE -> Text.of("airbyte.hint.sourceMayBeDeleted");
            case DELETE_SOURCE -> Text.of("airbyte.hint.sourceMayBeGone");
            case MINT_TOKEN -> Text.of("airbyte.hint.noApplications");
        };
    }
}
