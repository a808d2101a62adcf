package dev.onramp.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A self-contained page the browser shows after the redirect; it never echoes what the URL carried. */
enum LandingPage {
    SUCCESS("Sign-in complete", "#2f9e44", "&#10003;", "Sign-in complete",
            "You can close this tab and return to Onramp, which finishes the connection."),
    DECLINED("Not connected", "#d9822b", "!", "Access was not granted",
            "Nothing was connected. You can close this tab and return to Onramp to try again or choose another"
                    + " way to connect."),
    ERROR("Sign-in not accepted", "#c92a2a", "&#215;", "Onramp could not use this sign-in",
            "This page does not belong to a sign-in that Onramp is waiting for, or that sign-in has already"
                    + " finished. You can close this tab and return to Onramp to start again.");

    private static final String TEMPLATE = "landing.html";

    private final String title;
    private final String colour;
    private final String mark;
    private final String heading;
    private final String message;

    LandingPage(String title, String colour, String mark, String heading, String message) {
        this.title = title;
        this.colour = colour;
        this.mark = mark;
        this.heading = heading;
        this.message = message;
    }

    /** The page filled from constants only, so nothing a request carried can reach it. */
    byte[] html() {
        return template().replace("{{title}}", title).replace("{{colour}}", colour).replace("{{mark}}", mark)
                .replace("{{heading}}", heading).replace("{{message}}", message).getBytes(StandardCharsets.UTF_8);
    }

    private static String template() {
        try (InputStream in = LandingPage.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The landing page " + TEMPLATE + " is missing from the Onramp package: reinstall Onramp");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Onramp could not read its landing page " + TEMPLATE, e);
        }
    }
}
