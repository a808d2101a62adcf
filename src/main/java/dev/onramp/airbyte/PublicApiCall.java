package dev.onramp.airbyte;

/** The public API calls Onramp makes, each with the words its errors use and whether it may be repeated. */
enum PublicApiCall implements ApiCall {
    MINT_TOKEN("give Onramp an access token", true, "Check the API address in Settings."),
    LIST_WORKSPACES("list its workspaces", true, "Check the API address in Settings."),
    LIST_SOURCES("list its sources", true, "Check the workspace picked in Settings."),
    INITIATE_OAUTH("start the sign-in", true, "Check the workspace picked in Settings."),
    /** Not repeatable: a second create may make a second source. */
    CREATE_SOURCE("create the source", false, "Check the workspace picked in Settings."),
    REAUTHORIZE_SOURCE("renew the source's sign-in", true,
            "The source may have been deleted in Airbyte; connect the account again."),
    UPDATE_SOURCE("update the source's settings", true,
            "The source may have been deleted in Airbyte; connect the account again."),
    TEST_SOURCE("test the source", true, "The source may have been deleted in Airbyte; connect the account again."),
    LIST_STREAMS("list the source's streams", true, "The source may have been deleted in Airbyte; connect the account again."),
    DELETE_SOURCE("delete the source", true, "The source may already have been deleted in Airbyte.");

    private final String verb;
    private final boolean repeatable;
    private final String notFoundHint;

    PublicApiCall(String verb, boolean repeatable, String notFoundHint) {
        this.verb = verb;
        this.repeatable = repeatable;
        this.notFoundHint = notFoundHint;
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
