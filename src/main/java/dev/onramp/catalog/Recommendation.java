package dev.onramp.catalog;

import dev.onramp.model.Provider;

/** A provider in the hub's order, with whether and why it is recommended for the business. */
public record Recommendation(Provider provider, boolean recommended, int rank, String reason) {}
