package dev.onramp.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One connector the simulator knows: its Airbyte identity, trimmed spec, OAuth facts and demo streams. */
record DemoConnector(
        String definitionId,
        String name,
        String sourceType,
        String documentationUrl,
        ObjectNode connectionSpecification,
        Optional<OAuth> oauth,
        List<Stream> streams) {

    DemoConnector {
        streams = List.copyOf(streams);
    }

    /**
     * The connector's {@code advancedAuth} (paths as Airbyte reports them) and what its provider's
     * consent page asks for.
     */
    record OAuth(
            String authFlowType,
            List<String> predicateKey,
            String predicateValue,
            Map<String, List<String>> outputPaths,
            Map<String, List<String>> serverOutputPaths,
            Map<String, List<String>> userInputPaths,
            List<String> scopes,
            String account,
            List<String> access,
            String codeParameter) {
        OAuth {
            predicateKey = List.copyOf(predicateKey);
            outputPaths = Map.copyOf(outputPaths);
            serverOutputPaths = Map.copyOf(serverOutputPaths);
            userInputPaths = Map.copyOf(userInputPaths);
            scopes = List.copyOf(scopes);
            access = List.copyOf(access);
        }
    }

    /** A stream the source offers, with the fields its demo JSON schema lists. */
    record Stream(
            String name,
            List<String> syncModes,
            List<String> primaryKey,
            Optional<String> cursorField,
            Map<String, String> fields) {
        Stream {
            syncModes = List.copyOf(syncModes);
            primaryKey = List.copyOf(primaryKey);
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }
}
