package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A part of the simulator whose state outlives a restart when the simulator has a state folder: it writes
 * what it keeps into its section of the state file and takes it back from there.
 */
interface KeptState {
    /** The name of its section in the state file. */
    String section();

    /** Writes what it keeps into {@code into}, an empty object. */
    void save(ObjectNode into);

    /**
     * Reads {@code from} (a missing node when there is no such section or no file) without changing
     * anything, and returns what puts it in place of what the part holds now.
     *
     * @throws UnreadableStateException when the section is not what {@link #save} writes
     */
    Runnable restore(JsonNode from) throws UnreadableStateException;

    /** The text at {@code field} of {@code node}, which must be there and not blank. */
    static String text(JsonNode node, String field) throws UnreadableStateException {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new UnreadableStateException("\"" + field + "\" is missing or not a text");
        }
        return value.asText();
    }

    /** The object at {@code field} of {@code node}, which must be there. */
    static ObjectNode object(JsonNode node, String field) throws UnreadableStateException {
        if (!(node.path(field) instanceof ObjectNode object)) {
            throw new UnreadableStateException("\"" + field + "\" is missing or not an object");
        }
        return object;
    }

    /** The array at {@code field} of {@code node}, or an empty one when {@code node} has no such field. */
    static Iterable<JsonNode> array(JsonNode node, String field) throws UnreadableStateException {
        JsonNode value = node.path(field);
        if (value.isMissingNode()) {
            return java.util.List.of();
        }
        if (!value.isArray()) {
            throw new UnreadableStateException("\"" + field + "\" is not an array");
        }
        return value;
    }
}
