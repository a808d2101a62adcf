package dev.onramp.ui.credentials;

import dev.onramp.connect.form.FormField;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.StringProperty;

/** What a {@link FormPane} edits and checks: the text of each element of a connector form, by path. */
public interface FormInputs {
    /** The text of the element at {@code path}: what its control shows and edits. */
    StringProperty value(String path);

    /** Why the field's value cannot be sent; empty when it can. */
    Optional<String> problem(FormField field);

    /**
     * What the field shows while it is empty, instead of its example (a secret shows no example):
     * e.g. that leaving it empty keeps the value a connection holds. Empty for the usual.
     */
    default Optional<String> prompt(FormField field) {
        return Optional.empty();
    }

    /** Whether the field must be filled in (and is marked so): as its specification says, unless empty keeps a value. */
    default boolean required(FormField field) {
        return field.required();
    }

    /** Opens a documentation link of the form in the person's browser, off the FX thread. */
    default void openLink(URI url) {}

    /**
     * Reads a local file (a service account's JSON key) off the FX thread and puts its text into
     * the element at {@code path}; says why when it cannot.
     */
    default void readFile(Path file, String path) {}
}
