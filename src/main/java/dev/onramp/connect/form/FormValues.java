package dev.onramp.connect.form;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a person typed into a connector form, as text by element path: a choice holds its option's
 * title, a list its items separated by commas. It may hold secrets, so {@code toString()} shows only
 * the paths.
 */
public record FormValues(Map<String, String> byPath) {
    public FormValues {
        byPath = Map.copyOf(byPath);
    }

    public static FormValues empty() {
        return new FormValues(Map.of());
    }

    public Optional<String> get(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** The value, or an empty text when there is none. */
    public String text(String path) {
        return byPath.getOrDefault(path, "");
    }

    /** A copy with {@code path} set to {@code value}. */
    public FormValues with(String path, String value) {
        Map<String, String> copy = new LinkedHashMap<>(byPath);
        copy.put(path, value);
        return new FormValues(copy);
    }

    /** A copy with every value of {@code other} set over these. */
    public FormValues withAll(FormValues other) {
        Map<String, String> copy = new LinkedHashMap<>(byPath);
        copy.putAll(other.byPath);
        return new FormValues(copy);
    }

    @Override
    public String toString() {
        return "FormValues" + byPath.keySet();
    }
}
