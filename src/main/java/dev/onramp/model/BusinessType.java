package dev.onramp.model;

/** A kind of business (online shop, agency, ...) that decides which providers are recommended. */
public record BusinessType(String id, String name, String description) {}
