package dev.onramp.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormChoice;
import dev.onramp.connect.form.FormElement;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fills a connector's form as a careful person would, for tests: every choice gets its first option,
 * and every required field of the chosen options gets its default, else its example, one of its allowed values, or a
 * value of its kind that fits its pattern and the format its specification gives it (a date, a time,
 * an e-mail address, a URL); a secret gets one long enough for a provider to take.
 */
final class FormFiller {
    private static final String SECRET = "demo-secret-0123456789abcdef";

    private FormFiller() {}

    /**
     * Values for {@code form}'s required fields that the form itself accepts; {@code specification} is the
     * connector's, read for the formats the form does not check.
     *
     * @throws AssertionError naming the field when no made-up value passes it
     */
    static FormValues filledIn(ConnectorForm form, JsonNode specification) {
        Map<String, String> values = new LinkedHashMap<>(form.defaults().byPath());
        // Choosing options can bring new required fields into the form: fill until nothing is left.
        for (int round = 0; round < 5; round++) {
            boolean added = false;
            for (FormElement element : form.allElements()) {
                if (element instanceof FormChoice choice && form.isActive(choice, new FormValues(values))
                        && values.getOrDefault(choice.path(), "").isBlank()) {
                    values.put(choice.path(), choice.options().getFirst().title());
                    added = true;
                }
            }
            for (FormField field : form.activeFields(new FormValues(values))) {
                if (field.required() && values.getOrDefault(field.path(), "").isBlank()) {
                    values.put(field.path(), valueFor(form, field, values, specification));
                    added = true;
                }
            }
            if (!added) {
                break;
            }
        }
        return new FormValues(values);
    }

    private static String valueFor(ConnectorForm form, FormField field, Map<String, String> values, JsonNode specification) {
        for (String candidate : candidates(field, schemaOf(specification, field.keys()))) {
            Map<String, String> one = new LinkedHashMap<>(values);
            one.put(field.path(), candidate);
            if (form.problems(new FormValues(one)).stream().noneMatch(problem -> problem.path().equals(field.path()))) {
                return candidate;
            }
        }
        throw new AssertionError("no made-up value passes " + field.path() + " (" + field.kind() + ", "
                + field.rules().pattern().orElse("no pattern") + ")");
    }

    private static List<String> candidates(FormField field, JsonNode schema) {
        List<String> candidates = new ArrayList<>();
        String format = schema.path("format").asText(schema.path("items").path("format").asText(""));
        switch (format) {
            case "date-time" -> candidates.add("2024-01-01T00:00:00Z");
            case "date" -> candidates.add("2024-01-01");
            case "email" -> candidates.add("dana@demo-outfitters.example");
            case "uri", "url" -> candidates.add("https://demo-outfitters.example");
            default -> { }
        }
        field.example().ifPresent(candidates::add);
        switch (field.kind()) {
            case ENUM, MULTI_ENUM -> candidates.addAll(field.allowedTexts());
            case BOOLEAN -> candidates.add("true");
            case INTEGER, NUMBER, INTEGER_LIST -> {
                field.rules().minimum().map(BigDecimal::toPlainString).ifPresent(candidates::add);
                field.rules().exclusiveMinimum().map(min -> min.add(BigDecimal.ONE).toPlainString()).ifPresent(candidates::add);
                candidates.addAll(List.of("1", "10", "100", "1000"));
            }
            case JSON -> candidates.addAll("array".equals(schema.path("type").asText())
                    ? List.of("[\"demo-outfitters\"]", "[]") : List.of("{}"));
            default -> {
                String name = (field.path() + " " + field.title()).toLowerCase(Locale.ROOT);
                if (name.contains("date") || name.contains("time") || name.contains("start") || name.contains("end")) {
                    candidates.addAll(List.of("2024-01-01T00:00:00Z", "2024-01-01", "2024-01-01T00:00:00.000Z",
                            "2024-01-01 00:00:00", "2024-01-01T00:00:00", "2024-01"));
                }
                if (name.contains("mail")) {
                    candidates.add("dana@demo-outfitters.example");
                }
                if (name.contains("url") || name.contains("domain") || name.contains("host") || name.contains("endpoint")) {
                    candidates.addAll(List.of("https://demo-outfitters.example", "demo-outfitters.example"));
                }
                candidates.addAll(List.of(SECRET, "demo-outfitters", "123456789", "2024-01-01T00:00:00Z", "2024-01-01",
                        "https://demo-outfitters.example", "us-east-1", "ABCDEFGH12", "01-01-2024", "01/01/2024 00:00",
                        "live_demo0123456789", "sk_live_demo0123456789"));
            }
        }
        return candidates;
    }

    /** The schema of the field at {@code keys}, looking into every {@code oneOf} option on the way. */
    static JsonNode schemaOf(JsonNode specification, List<String> keys) {
        List<JsonNode> level = List.of(specification);
        for (String key : keys) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : level) {
                Optional.of(node.path("properties").path(key)).filter(n -> !n.isMissingNode()).ifPresent(next::add);
                for (JsonNode option : node.path("oneOf")) {
                    Optional.of(option.path("properties").path(key)).filter(n -> !n.isMissingNode()).ifPresent(next::add);
                }
            }
            level = next;
        }
        return level.isEmpty() ? MissingNode.getInstance() : level.getFirst();
    }
}
