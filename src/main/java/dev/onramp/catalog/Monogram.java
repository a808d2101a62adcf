package dev.onramp.catalog;

/**
 * A stand-in for a missing logo: one or two capital letters on a colour (six hex digits, no
 * {@code #}) that white text reads well on.
 */
public record Monogram(String letters, String colour) {}
