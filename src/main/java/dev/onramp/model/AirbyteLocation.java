package dev.onramp.model;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Airbyte a connection's source lives in: its address (a Config API base, Airbyte Cloud's
 * public API, or {@link #BUILT_IN_SIMULATOR}) and, where known, the workspace.
 */
public record AirbyteLocation(String address, Optional<String> workspaceId) {
    /** The address that stands for the built-in simulator, whatever port it listens on in a run. */
    public static final String BUILT_IN_SIMULATOR = "onramp:built-in-simulator";

    public AirbyteLocation {
        Objects.requireNonNull(address, "address");
        if (address.isBlank()) {
            throw new IllegalArgumentException("An Airbyte's address cannot be blank");
        }
        workspaceId = Objects.requireNonNull(workspaceId, "workspaceId").filter(id -> !id.isBlank());
    }

    /**
     * True when {@code now} names another Airbyte than this one: another address, or another
     * workspace where both are known.
     */
    public boolean differsFrom(AirbyteLocation now) {
        if (!address.equals(now.address)) {
            return true;
        }
        return workspaceId.isPresent() && now.workspaceId.isPresent() && !workspaceId.equals(now.workspaceId);
    }

    /** How a person reads it, in English: "the built-in simulator", or the address with its workspace. */
    public String describe() {
        return Messages.english().render(text());
    }

    /** How a person reads it: "the built-in simulator", or the address with its workspace. */
    public Text text() {
        Text where = address.equals(BUILT_IN_SIMULATOR) ? Text.of("model.location.simulator") : Text.of("airbyte.at", address);
        return workspaceId.map(id -> Text.of("model.location.inWorkspace", where, id)).orElse(where);
    }
}
