package dev.onramp.airbyte;

/** The Config API calls Onramp makes, each with the words its error messages use and whether it may be repeated. */
enum ConfigApiCall implements ApiCall {
    LIST_WORKSPACES("workspaces/list_by_organization_id", "list its workspaces",
            "Check that this Airbyte is version 1.0 or later, which has the default organization."),
    LIST_SOURCE_DEFINITIONS("source_definitions/list_for_workspace", "list its connectors",
            "Check that the workspace still exists in this Airbyte."),
    GET_SPECIFICATION("source_definition_specifications/get", "describe the connector",
            "Check that the connector is installed in this Airbyte and that the workspace still exists."),
    GET_CONSENT_URL("source_oauths/get_consent_url", "start the authorization",
            "Check that the connector is installed in this Airbyte and that the workspace still exists."),
    /** Not repeatable: a code can be redeemed once. */
    COMPLETE_OAUTH("source_oauths/complete_oauth", "finish the authorization",
            "Check that the connector is installed in this Airbyte and that the workspace still exists.", false),
    /** Not repeatable: a second create may make a second source. */
    CREATE_SOURCE("sources/create", "create the source",
            "Check that the connector is installed in this Airbyte and that the workspace still exists.", false),
    CHECK_CONNECTION("sources/check_connection", "test the source",
            "The source may have been deleted in Airbyte; connect the account again."),
    CHECK_CONNECTION_FOR_UPDATE("sources/check_connection_for_update", "test the source's new settings",
            "The source may have been deleted in Airbyte; connect the account again."),
    DISCOVER_SCHEMA("sources/discover_schema", "list the source's streams",
            "The source may have been deleted in Airbyte; connect the account again."),
    LIST_SOURCES("sources/list", "list the workspace's sources",
            "Check that the workspace still exists in this Airbyte."),
    GET_SOURCE("sources/get", "read the source",
            "The source may have been deleted in Airbyte; connect the account again."),
    UPDATE_SOURCE("sources/update", "update the source's settings",
            "The source may have been deleted in Airbyte; connect the account again."),
    PARTIAL_UPDATE_SOURCE("sources/partial_update", "give the source its new sign-in",
            "The source may have been deleted in Airbyte; connect the account again."),
    DELETE_SOURCE("sources/delete", "delete the source",
            "The source may already have been deleted in Airbyte."),
    MINT_TOKEN("applications/token", "give Onramp an access token",
            "Check the address in Settings: this Airbyte has no applications endpoint.");

    private final String endpoint;
    private final String verb;
    private final String notFoundHint;
    private final boolean repeatable;

    ConfigApiCall(String endpoint, String verb, String notFoundHint) {
        this(endpoint, verb, notFoundHint, true);
    }

    ConfigApiCall(String endpoint, String verb, String notFoundHint, boolean repeatable) {
        this.endpoint = endpoint;
        this.verb = verb;
        this.notFoundHint = notFoundHint;
        this.repeatable = repeatable;
    }

    /** The path under {@code /api/v1/}. */
    String endpoint() {
        return endpoint;
    }

    @Override
    public String verb() {
        return verb;
    }

    @Override
    public boolean repeatable() {
        return repeatable;
    }

    @Override
    public boolean createsSource() {
        return this == CREATE_SOURCE;
    }

    String notFoundHint() {
        return notFoundHint;
    }
}
