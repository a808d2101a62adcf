package dev.onramp.airbyte;

/** The outcome of Airbyte testing a source's connection. */
public record CheckResult(boolean succeeded, String message) {}
