package dev.onramp.connect.form;

import java.util.List;

/** One entry of a connector form: a field to fill, or a choice between ways of configuring a part. */
public sealed interface FormElement permits FormField, FormChoice {
    /** Where the value goes in the configuration, e.g. {@code credentials.api_password}; also its key in {@link FormValues}. */
    String path();

    /** The same as a list of object keys. */
    List<String> keys();

    /** The label a person sees, in the form's language, e.g. "Secret Key" ("Geheimer Schlüssel" in German). */
    String title();

    /** The help shown with it: the connector's description as plain text, and examples; may be empty. */
    String help();

    boolean required();
}
