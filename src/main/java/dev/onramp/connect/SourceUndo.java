package dev.onramp.connect;

import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.model.FlowId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Deletes the Airbyte source a flow created but did not store, found by its id or by the flow's marker in its name. */
final class SourceUndo {
    private SourceUndo() {}

    /** Part of every source name: finds a source again whose id never reached the journal. */
    static String marker(FlowId flow) {
        return "onramp-flow-" + flow;
    }

    /**
     * Deletes what a flow created in Airbyte: its known source, or, when the answer to creating
     * one may have been lost, any source named after the flow. Returns words for the audit entry;
     * throws an AirbyteException when Airbyte could not be asked.
     */
    static String undo(AirbyteGateway airbyte, FlowId flow, Optional<String> sourceId, boolean createMayHaveRun,
            Optional<String> workspace) {
        return undo(airbyte, flow, sourceId, createMayHaveRun, workspace.stream().toList());
    }

    /** As above, looking for a source named after the flow in each of {@code workspaces}. */
    static String undo(AirbyteGateway airbyte, FlowId flow, Optional<String> sourceId, boolean createMayHaveRun,
            List<String> workspaces) {
        List<String> deleted = new ArrayList<>();
        if (sourceId.isPresent()) {
            deleteUnlessGone(airbyte, sourceId.get());
            deleted.add(sourceId.get());
        } else if (createMayHaveRun) {
            for (String workspace : workspaces.stream().distinct().toList()) {
                for (String found : airbyte.findSources(workspace, marker(flow))) {
                    deleteUnlessGone(airbyte, found);
                    deleted.add(found);
                }
            }
        }
        return deleted.isEmpty() ? "" : ", source " + String.join(", ", deleted) + " deleted";
    }

    private static void deleteUnlessGone(AirbyteGateway airbyte, String sourceId) {
        try {
            airbyte.deleteSource(sourceId);
        } catch (AirbyteException e) {
            if (e.kind() != AirbyteException.Kind.NOT_FOUND) {
                throw e;
            }
        }
    }
}
