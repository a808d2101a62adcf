package dev.onramp.connect.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.text.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A connector's configuration form, generated from its {@code connectionSpecification}: the
 * elements to show in order, the constants Airbyte expects, and the rules that decide whether the
 * values may be sent. The window and the command line share it, so they refuse the same values
 * with the same sentences.
 */
public final class ConnectorForm {
    private final List<FormElement> elements;
    private final Map<String, JsonNode> constants;
    private final FormValues defaults;

    ConnectorForm(List<FormElement> elements, Map<String, JsonNode> constants) {
        this.elements = List.copyOf(elements);
        this.constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
        this.defaults = readDefaults();
    }

    /** The top-level elements in the specification's order; a choice's own elements are in its options. */
    public List<FormElement> elements() {
        return elements;
    }

    /** Every element at any depth, those of every option included, e.g. to look a name up. */
    public List<FormElement> allElements() {
        List<FormElement> all = new ArrayList<>();
        collect(elements, all);
        return all;
    }

    /** The element at {@code path}, or the only one whose path ends with {@code .path}. */
    public Optional<FormElement> element(String path) {
        List<FormElement> all = allElements();
        Optional<FormElement> exact = all.stream().filter(e -> e.path().equals(path)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<String> endings = all.stream().map(FormElement::path).filter(p -> p.endsWith("." + path)).distinct().toList();
        return endings.size() == 1 ? all.stream().filter(e -> e.path().equals(endings.getFirst())).findFirst()
                : Optional.empty();
    }

    /**
     * The values the specification proposes: every field's default; where fields of several options
     * share a path, the first option's, which is the option {@link #chosen} takes for these values.
     */
    public FormValues defaults() {
        return defaults;
    }

    private FormValues readDefaults() {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormElement element : allElements()) {
            if (element instanceof FormField field && field.defaultValue().isPresent()) {
                values.putIfAbsent(field.path(), field.defaultValue().get());
            }
        }
        return new FormValues(values);
    }

    /**
     * The option of {@code choice} the values select: the one named by the choice's value, else the
     * first one whose own fields were filled in (differently from their defaults and from
     * {@link #defaults()}, so that the defaults alone select the first option), else the first.
     */
    public FormOption chosen(FormChoice choice, FormValues values) {
        Optional<String> named = values.get(choice.path()).filter(text -> !text.isBlank());
        if (named.isPresent()) {
            return choice.option(named.get()).orElse(choice.options().getFirst());
        }
        List<FormOption> filled = choice.options().stream().filter(option -> filledIn(option, values)).toList();
        return filled.isEmpty() ? choice.options().getFirst() : filled.getFirst();
    }

    /** The fields the values make active, in order: those of the chosen options only. */
    public List<FormField> activeFields(FormValues values) {
        List<FormField> fields = new ArrayList<>();
        walk(elements, values, element -> {
            if (element instanceof FormField field) {
                fields.add(field);
            }
        });
        return fields;
    }

    /** Whether a field takes part with these values: false for the fields of options not chosen. */
    public boolean isActive(FormElement element, FormValues values) {
        List<FormElement> active = new ArrayList<>();
        walk(elements, values, active::add);
        return active.contains(element);
    }

    /** Every reason the values cannot be sent, in form order; empty when they can. */
    public List<FormProblem> problems(FormValues values) {
        List<FormProblem> problems = new ArrayList<>();
        walk(elements, values, element -> {
            switch (element) {
                case FormField field -> field.refusal(values.text(field.path()))
                        .ifPresent(refusal -> problems.add(new FormProblem(field.path(), refusal)));
                case FormChoice choice -> values.get(choice.path()).filter(text -> !text.isBlank())
                        .filter(text -> choice.option(text).isEmpty())
                        .ifPresent(text -> problems.add(new FormProblem(choice.path(), Text.of("connect.form.oneOf",
                                choice.title(), choice.options().stream().map(FormOption::label)
                                        .collect(Collectors.joining(", "))))));
            }
        });
        return problems;
    }

    /**
     * The connector configuration for values {@link #problems} accepts: constants, the chosen
     * options' constants and every filled-in active field, typed as the specification says.
     */
    public ObjectNode configuration(FormValues values) {
        if (!problems(values).isEmpty()) {
            throw new IllegalArgumentException("The form's values have problems; check them with problems() first");
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        // Copies: a constant list (a required list's first item goes into it) must stay empty in the form.
        constants.forEach((path, value) -> put(root, List.of(path.split("\\.")), value.deepCopy()));
        walk(elements, values, element -> {
            switch (element) {
                case FormField field -> field.value(values.text(field.path()))
                        .ifPresent(value -> put(root, field.keys(), value));
                case FormChoice choice -> chosen(choice, values).constants().forEach((relative, value) -> {
                    List<String> keys = new ArrayList<>(choice.keys());
                    keys.addAll(List.of(relative.split("\\.")));
                    put(root, keys, value.deepCopy());
                });
            }
        });
        return root;
    }

    /**
     * The values a configuration holds, read back into this form (the reverse of {@link #configuration}):
     * each field of the chosen options that the configuration fills, as its text, and each choice as
     * the title of its option. A choice's option is the one whose constants the configuration holds
     * (Shopify's {@code auth_method: api_password}), else the one whose fields it fills, else the
     * first. Secrets are read too: what a caller shows of them is its own business.
     */
    public FormValues valuesOf(JsonNode configuration) {
        Map<String, String> values = new LinkedHashMap<>();
        read(elements, configuration, values);
        return new FormValues(values);
    }

    private void read(List<FormElement> list, JsonNode configuration, Map<String, String> into) {
        for (FormElement element : list) {
            switch (element) {
                case FormField field -> {
                    JsonNode value = at(configuration, field.keys());
                    if (!value.isMissingNode() && !value.isNull()) {
                        into.put(field.path(), field.text(value));
                    }
                }
                case FormChoice choice -> {
                    FormOption option = optionIn(choice, configuration);
                    into.put(choice.path(), option.title());
                    read(option.elements(), configuration, into);
                }
            }
        }
    }

    private static FormOption optionIn(FormChoice choice, JsonNode configuration) {
        for (FormOption option : choice.options()) {
            boolean holdsConstants = !option.constants().isEmpty() && option.constants().entrySet().stream()
                    .allMatch(constant -> {
                        List<String> keys = new ArrayList<>(choice.keys());
                        keys.addAll(List.of(constant.getKey().split("\\.")));
                        return at(configuration, keys).equals(constant.getValue());
                    });
            if (holdsConstants) {
                return option;
            }
        }
        return choice.options().stream()
                .filter(option -> option.elements().stream().anyMatch(element -> element instanceof FormField field
                        && !at(configuration, field.keys()).isMissingNode()))
                .findFirst()
                .orElse(choice.options().getFirst());
    }

    private static JsonNode at(JsonNode configuration, List<String> keys) {
        JsonNode node = configuration;
        for (String key : keys) {
            node = node.isArray() && isIndex(key) ? node.path(Integer.parseInt(key)) : node.path(key);
        }
        return node;
    }

    /** Whether a key names an item of a list (a required list's first item is {@code streams.0}). */
    private static boolean isIndex(String key) {
        return !key.isEmpty() && key.length() < 4 && key.chars().allMatch(Character::isDigit);
    }

    /** Visits each active element, a choice before the elements of its chosen option. */
    private void walk(List<FormElement> list, FormValues values, Consumer<FormElement> visitor) {
        for (FormElement element : list) {
            visitor.accept(element);
            if (element instanceof FormChoice choice) {
                walk(chosen(choice, values).elements(), values, visitor);
            }
        }
    }

    private boolean filledIn(FormOption option, FormValues values) {
        for (FormElement element : option.elements()) {
            if (element instanceof FormField field) {
                String text = values.text(field.path());
                if (!text.isBlank() && !field.defaultValue().map(text::equals).orElse(false)
                        && !text.equals(defaults.text(field.path()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collect(List<FormElement> list, List<FormElement> into) {
        for (FormElement element : list) {
            into.add(element);
            if (element instanceof FormChoice choice) {
                choice.options().forEach(option -> collect(option.elements(), into));
            }
        }
    }

    private static void put(ObjectNode root, List<String> keys, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < keys.size() - 1; i++) {
            JsonNode child = child(parent, keys.get(i));
            boolean list = isIndex(keys.get(i + 1));
            if (child == null || (list ? !child.isArray() : !child.isObject())) {
                child = list ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                set(parent, keys.get(i), child);
            }
            parent = child;
        }
        set(parent, keys.getLast(), value);
    }

    private static JsonNode child(JsonNode parent, String key) {
        return parent instanceof ArrayNode list ? list.get(Integer.parseInt(key)) : parent.get(key);
    }

    private static void set(JsonNode parent, String key, JsonNode value) {
        if (parent instanceof ArrayNode list) {
            int index = Integer.parseInt(key);
            while (list.size() <= index) {
                list.addNull();
            }
            list.set(index, value);
        } else {
            ((ObjectNode) parent).set(key, value);
        }
    }
}
