package dev.onramp.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A self-contained page the browser shows after the redirect; it never echoes what the URL carried. */
enum LandingPage {
    SUCCESS("success.html"),
    DECLINED("declined.html"),
    ERROR("error.html");

    private final String resource;

    LandingPage(String resource) {
        this.resource = resource;
    }

    byte[] html() {
        try (InputStream in = LandingPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The landing page " + resource + " is missing from the Onramp package: reinstall Onramp");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Onramp could not read its landing page " + resource, e);
        }
    }
}
