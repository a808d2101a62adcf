package dev.onramp.connect.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a form's "Fill with sample values" puts in: the first example the connector's specification
 * gives each empty field, where the field itself accepts it; never over a value already typed.
 */
public final class ExampleValues {
    private ExampleValues() {}

    /** Whether any field of the form, in any option, has an example to fill in. */
    public static boolean offered(ConnectorForm form) {
        return form.allElements().stream().anyMatch(element -> element instanceof FormField field && fillable(field));
    }

    /**
     * The example of each field that is empty in {@code current}, by path, in form order; the fields of
     * every option, so that another option chosen afterwards is filled too.
     */
    public static Map<String, String> forEmpty(ConnectorForm form, FormValues current) {
        Map<String, String> samples = new LinkedHashMap<>();
        for (FormElement element : form.allElements()) {
            if (element instanceof FormField field && fillable(field) && current.text(field.path()).isBlank()) {
                samples.putIfAbsent(field.path(), field.example().orElseThrow());
            }
        }
        return samples;
    }

    /** {@code current} with {@link #forEmpty} filled in. */
    public static FormValues filled(ConnectorForm form, FormValues current) {
        return current.withAll(new FormValues(forEmpty(form, current)));
    }

    /**
     * A field typed rather than picked (a switch is never empty, several of a list are ticked), whose
     * example the field accepts.
     */
    private static boolean fillable(FormField field) {
        return field.example().isPresent()
                && !List.of(FormField.Kind.BOOLEAN, FormField.Kind.MULTI_ENUM).contains(field.kind())
                && field.refusal(field.example().get()).isEmpty();
    }
}
