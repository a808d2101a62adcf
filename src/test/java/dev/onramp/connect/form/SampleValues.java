package dev.onramp.connect.form;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Fills a form as a careful person would: the defaults, then a valid value for each required field left empty. */
public final class SampleValues {
    private SampleValues() {}

    /** The form's defaults, with every required active field that is still empty filled in. */
    public static FormValues of(ConnectorForm form) {
        FormValues values = form.defaults();
        // Choosing an option makes its fields active; a few rounds settle nested choices.
        for (int round = 0; round < 4; round++) {
            Map<String, String> filled = new LinkedHashMap<>();
            for (FormField field : form.activeFields(values)) {
                if (field.required() && values.text(field.path()).isBlank()) {
                    filled.put(field.path(), sample(field));
                }
            }
            if (filled.isEmpty()) {
                break;
            }
            values = values.withAll(new FormValues(filled));
        }
        return values;
    }

    /** A value {@link FormField#problem} accepts for the field. */
    public static String sample(FormField field) {
        Optional<String> example = field.example().filter(text -> field.problem(text).isEmpty());
        if (example.isPresent()) {
            return example.get();
        }
        return switch (field.kind()) {
            case ENUM, MULTI_ENUM -> field.allowedTexts().getFirst();
            case BOOLEAN -> "false";
            case INTEGER, NUMBER -> field.rules().minimum().map(n -> n.toPlainString())
                    .or(() -> field.rules().exclusiveMinimum().map(n -> n.add(java.math.BigDecimal.ONE).toPlainString()))
                    .orElse("1");
            case INTEGER_LIST -> "1";
            case DATE, DATE_TIME -> field.dateText(LocalDateTime.of(2024, 1, 15, 10, 30, 0));
            case JSON -> "{}";
            case TEXT, TEXT_LIST -> text(field);
        };
    }

    private static String text(FormField field) {
        for (String candidate : new String[] {"sample", "abc123", "123", "https://example.com", "sample.example.com",
                "sandbox_sample", "sk_test_sample"}) {
            if (field.problem(candidate).isEmpty()) {
                return candidate;
            }
        }
        return "sample";
    }
}
