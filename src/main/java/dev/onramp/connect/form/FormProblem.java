package dev.onramp.connect.form;

import java.util.Objects;

/** Why a value of a connector form is refused, as a sentence naming the field, e.g. "Secret Key is required." */
public record FormProblem(String path, String message) {
    public FormProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
