package dev.onramp.airbyte;

import dev.onramp.text.Text;

/** The public API calls Onramp makes, each with the words its errors use and whether it may be repeated. */
enum PublicApiCall implements ApiCall {
    MINT_TOKEN(true),
    LIST_WORKSPACES(true),
    LIST_SOURCES(true),
    INITIATE_OAUTH(true),
    /** Not repeatable: a second create may make a second source. */
    CREATE_SOURCE(false),
    REAUTHORIZE_SOURCE(true),
    UPDATE_SOURCE(true),
    TEST_SOURCE(true),
    LIST_STREAMS(true),
    DELETE_SOURCE(true);

    private final boolean repeatable;

    PublicApiCall(boolean repeatable) {
        this.repeatable = repeatable;
    }

    @Override
    public Text action() {
        return switch (this) {
            case MINT_TOKEN -> Text.of("airbyte.call.mintToken");
            case LIST_WORKSPACES -> Text.of("airbyte.call.listWorkspaces");
            case LIST_SOURCES -> Text.of("airbyte.call.listSources");
            case INITIATE_OAUTH -> Text.of("airbyte.call.initiateOAuth");
            case CREATE_SOURCE -> Text.of("airbyte.call.createSource");
            case REAUTHORIZE_SOURCE -> Text.of("airbyte.call.reauthorizeSource");
            case UPDATE_SOURCE -> Text.of("airbyte.call.updateSource");
            case TEST_SOURCE -> Text.of("airbyte.call.testSource");
            case LIST_STREAMS -> Text.of("airbyte.call.listStreams");
            case DELETE_SOURCE -> Text.of("airbyte.call.deleteSource");
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
            case MINT_TOKEN, LIST_WORKSPACES -> Text.of("airbyte.hint.checkApiAddress");
            case LIST_SOURCES, INITIATE_OAUTH, CREATE_SOURCE -> Text.of("airbyte.hint.checkWorkspace");
            case REAUTHORIZE_SOURCE, UPDATE_SOURCE, TEST_SOURCE, LIST_STREAMS -> Text.of("airbyte.hint.sourceMayBeDeleted");
            case DELETE_SOURCE -> Text.of("airbyte.hint.sourceMayBeGone");
        };
    }
}
