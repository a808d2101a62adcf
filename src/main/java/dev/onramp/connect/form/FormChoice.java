package dev.onramp.connect.form;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A part of the configuration that can be given in several ways (a JSON Schema {@code oneOf}), such
 * as Shopify's "API Password"; its value in {@link FormValues} is the chosen option's title, the
 * specification's own in every language (its label is what a person sees).
 */
public record FormChoice(List<String> keys, String title, String help, boolean required, List<FormOption> options)
        implements FormElement {
    public FormChoice {
        keys = List.copyOf(keys);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(help, "help");
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("A choice needs at least one option: " + title);
        }
    }

    @Override
    public String path() {
        return String.join(".", keys);
    }

    /**
     * The option a text names: its title, its label or one of its constant values, ignoring case, so
     * that "API Password", "API-Passwort" and "api_password" all pick Shopify's password option.
     */
    public Optional<FormOption> option(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return options.stream()
                .filter(option -> option.title().toLowerCase(Locale.ROOT).equals(wanted)
                        || option.label().toLowerCase(Locale.ROOT).equals(wanted)
                        || option.constants().values().stream()
                                .anyMatch(constant -> constant.asText().toLowerCase(Locale.ROOT).equals(wanted)))
                .findFirst();
    }
}
