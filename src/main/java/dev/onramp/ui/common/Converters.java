package dev.onramp.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** String converters for choice boxes whose items are picked from a list, never typed. */
public final class Converters {
    private Converters() {}

    /** Shows each item by {@code text}, and nothing for no item. */
    public static <T> StringConverter<T> displaying(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String typed) {
                throw new UnsupportedOperationException("items are picked from the list, not typed");
            }
        };
    }
}
