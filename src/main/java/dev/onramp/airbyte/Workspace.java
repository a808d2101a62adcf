package dev.onramp.airbyte;

/** An Airbyte workspace sources are created in. */
public record Workspace(String id, String name) {}
