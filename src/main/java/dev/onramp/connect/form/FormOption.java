package dev.onramp.connect.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One way of configuring a {@link FormChoice}: its title, the constant fields that tell Airbyte
 * which way it is (e.g. {@code auth_method: api_password}), and its own elements. The title is the
 * specification's own (e.g. "API Password"), the option's name in {@link FormValues} in every language;
 * the label is what a person sees, in the form's language.
 */
public record FormOption(String title, String label, Map<String, JsonNode> constants, List<FormElement> elements) {
    public FormOption {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(label, "label");
        constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
        elements = List.copyOf(elements);
    }

    /** An option shown by its title. */
    public FormOption(String title, Map<String, JsonNode> constants, List<FormElement> elements) {
        this(title, title, constants, elements);
    }
}
