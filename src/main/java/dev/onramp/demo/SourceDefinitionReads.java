package dev.onramp.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds a connector's {@code SourceDefinitionRead}, as {@code source_definitions/list_for_workspace} lists it. */
final class SourceDefinitionReads {
    private SourceDefinitionReads() {}

    static ObjectNode of(ObjectMapper json, SnapshotConnectors.Definition definition) {
        DemoConnector connector = definition.connector();
        ObjectNode read = json.createObjectNode()
                .put("sourceDefinitionId", connector.definitionId())
                .put("name", connector.name())
                .put("dockerRepository", definition.dockerRepository())
                .put("dockerImageTag", definition.dockerImageTag())
                .put("documentationUrl", connector.documentationUrl());
        definition.iconUrl().ifPresent(icon -> read.put("icon", icon));
        read.put("protocolVersion", "0.2.0")
                .put("custom", false)
                .put("enterprise", false)
                .put("supportLevel", definition.supportLevel())
                .put("releaseStage", definition.releaseStage());
        definition.releaseDate().ifPresent(date -> read.put("releaseDate", date));
        read.put("sourceType", definition.kind());
        definition.language().ifPresent(language -> read.put("language", language));
        return read;
    }
}
