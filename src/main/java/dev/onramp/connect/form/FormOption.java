package dev.onramp.connect.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One way of configuring a {@link FormChoice}: its title, the constant fields that tell Airbyte
 * which way it is (e.g. {@code auth_method: api_password}), and its own elements.
 */
public record FormOption(String title, Map<String, JsonNode> constants, List<FormElement> elements) {
    public FormOption {
        Objects.requireNonNull(title, "title");
        constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
        elements = List.copyOf(elements);
    }
}
