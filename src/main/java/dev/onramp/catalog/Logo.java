package dev.onramp.catalog;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A provider's brand logo: the Airbyte connector slug it belongs to, its brand colour as six hex
 * digits (no {@code #}), and its SVG path data on a 24×24 view box.
 */
public record Logo(String slug, String colour, String svgPath) {
    private static final Pattern HEX = Pattern.compile("[0-9A-F]{6}");
    /**
     * Above this relative luminance a colour has less than 3:1 contrast with white (WCAG's minimum for
     * graphics), so the logo goes on a dark square instead.
     */
    private static final double LIGHT = 0.30;

    public Logo {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(svgPath, "svgPath");
        if (colour == null || !HEX.matcher(colour).matches()) {
            throw new IllegalArgumentException("A logo's colour is six upper-case hex digits, not " + colour);
        }
    }

    /** True when the brand colour is too light to be seen on white: draw it on a dark background. */
    public boolean light() {
        return relativeLuminance(colour) > LIGHT;
    }

    /** WCAG 2 relative luminance of a six-hex-digit sRGB colour, from 0 (black) to 1 (white). */
    public static double relativeLuminance(String hex) {
        int rgb = Integer.parseInt(hex, 16);
        return 0.2126 * linear(rgb >> 16 & 0xFF) + 0.7152 * linear(rgb >> 8 & 0xFF) + 0.0722 * linear(rgb & 0xFF);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
