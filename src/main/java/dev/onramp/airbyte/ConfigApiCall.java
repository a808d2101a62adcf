package dev.onramp.airbyte;

/** The Config API calls Onramp makes, each with the words its error messages use. */
enum ConfigApiCall {
    LIST_WORKSPACES("workspaces/list_by_organization_id", "list its workspaces",
            "Check that this Airbyte is version 1.0 or later, which has the default organization."),
    GET_SPECIFICATION("source_definition_specifications/get", "describe the connector",
            "Check that the connector is installed in this Airbyte and that the workspace still exists."),
    GET_CONSENT_URL("source_oauths/get_consent_url", "start the authorization",
            "Check that the connector is installed in this Airbyte and that the workspace still exists."),
    COMPLETE_OAUTH("source_oauths/complete_oauth", "finish the authorization",
            "Check that the connector is installed in this Airbyte and that the workspace still exists."),
    CREATE_SOURCE("sources/create", "create the source",
            "Check that the connector is installed in this Airbyte and that the workspace still exists."),
    CHECK_CONNECTION("sources/check_connection", "test the source",
            "The source may have been deleted in Airbyte; connect the account again."),
    DISCOVER_SCHEMA("sources/discover_schema", "list the source's streams",
            "The source may have been deleted in Airbyte; connect the account again."),
    LIST_SOURCES("sources/list", "list the workspace's sources",
            "Check that the workspace still exists in this Airbyte."),
    DELETE_SOURCE("sources/delete", "delete the source",
            "The source may already have been deleted in Airbyte.");

    private final String endpoint;
    private final String verb;
    private final String notFoundHint;

    ConfigApiCall(String endpoint, String verb, String notFoundHint) {
        this.endpoint = endpoint;
        this.verb = verb;
        this.notFoundHint = notFoundHint;
    }

    /** The path under {@code /api/v1/}. */
    String endpoint() {
        return endpoint;
    }

    /** What Airbyte was asked to do, completing "Airbyte could not ...". */
    String verb() {
        return verb;
    }

    String notFoundHint() {
        return notFoundHint;
    }
}
