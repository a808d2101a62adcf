package dev.onramp.connect.form;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One value to fill in a connector form, with the rules its connector's specification gives it;
 * the window and the command line check a value with {@link #problem} and send {@link #value}.
 */
public record FormField(
        List<String> keys,
        String title,
        String help,
        boolean required,
        Kind kind,
        boolean secret,
        boolean multiline,
        List<JsonNode> allowed,
        Optional<String> defaultValue,
        Optional<String> example,
        Rules rules) implements FormElement {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_LISTED = 40;

    /** What kind of value the field takes, and so which control shows it. */
    public enum Kind {
        /** Free text; masked when {@link #secret()}. */
        TEXT,
        /** A whole number. */
        INTEGER,
        /** Any number. */
        NUMBER,
        /** Yes or no. */
        BOOLEAN,
        /** One of {@link #allowed()}. */
        ENUM,
        /** Several of {@link #allowed()}, typed separated by commas. */
        MULTI_ENUM,
        /** A list of texts, typed separated by commas. */
        TEXT_LIST,
        /** A list of whole numbers, typed separated by commas. */
        INTEGER_LIST,
        /** A structure the form has no control for, typed as JSON. */
        JSON,
        /** A calendar date, written in {@link #dateLayout()}. */
        DATE,
        /** A date and a time of day, written in {@link #dateLayout()}. */
        DATE_TIME
    }

    /**
     * The checks a specification puts on a value besides its kind; {@code jsonType} is the JSON type a
     * {@link Kind#JSON} value must have ({@code array} or {@code object}), when the specification says;
     * {@code impossible} says why no value meets the specification, when none does.
     */
    public record Rules(
            Optional<String> pattern,
            Optional<String> patternHint,
            Optional<BigDecimal> minimum,
            Optional<BigDecimal> exclusiveMinimum,
            Optional<BigDecimal> maximum,
            Optional<String> dateLayout,
            Optional<String> jsonType,
            Optional<Text> impossible) {
        public static final Rules NONE = new Rules(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public FormField {
        keys = List.copyOf(keys);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(kind, "kind");
        allowed = List.copyOf(allowed);
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(rules, "rules");
    }

    @Override
    public String path() {
        return String.join(".", keys);
    }

    /**
     * The layout a date field's value is written in, as a {@link DateTimeFormatter} pattern (e.g.
     * {@code yyyy-MM-dd'T'HH:mm:ss'Z'}); empty for other fields.
     */
    public Optional<String> dateLayout() {
        return rules.dateLayout();
    }

    /** The text this date field sends for {@code moment}, in exactly the layout its pattern wants. */
    public String dateText(LocalDateTime moment) {
        return DateFormats.write(dateLayout().orElseThrow(() -> new IllegalStateException(title + " is no date")),
                moment);
    }

    /** How a date field's value is written, as an example such as {@code 2024-01-15T10:30:45Z}. */
    public String dateExample() {
        return dateText(DateFormats.PROBE);
    }

    /** The moment a date field's text names, read in its layout; empty when it names none. */
    public Optional<LocalDateTime> moment(String text) {
        if (dateLayout().isEmpty() || text == null || text.isBlank()) {
            return Optional.empty();
        }
        DateTimeFormatter layout = DateTimeFormatter.ofPattern(dateLayout().get(), Locale.ROOT);
        try {
            TemporalAccessor parsed = layout.parse(text.strip());
            LocalDate date = parsed.isSupported(ChronoField.DAY_OF_MONTH) ? LocalDate.from(parsed)
                    : YearMonth.from(parsed).atDay(1);
            LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
            return Optional.of(date.atTime(time));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the field is a secret document rather than a short secret: a multi-line secret or a
     * service account's JSON key (Google's {@code service_account_info}, {@code credentials_json}),
     * which a person pastes or reads from a file.
     */
    public boolean secretDocument() {
        String name = keys.getLast().toLowerCase(Locale.ROOT);
        return secret && (kind == Kind.TEXT || kind == Kind.JSON) && (multiline || name.contains("service_account")
                || name.contains("credentials_json") || name.endsWith("_json") || name.contains("json_key"));
    }

    /** The allowed values as a person types them. */
    public List<String> allowedTexts() {
        return allowed.stream().map(JsonNode::asText).toList();
    }

    /**
     * Why {@code text} cannot be sent for this field, in the process's display language (the window's);
     * empty when it can (a blank optional field is left out).
     */
    public Optional<String> problem(String text) {
        return refusal(text).map(Messages.display()::render);
    }

    /** Why {@code text} cannot be sent for this field, not yet put into words; empty when it can. */
    public Optional<Text> refusal(String text) {
        String value = text == null ? "" : text.strip();
        if (rules.impossible().isPresent() && (required || !value.isEmpty())) {
            return rules.impossible();
        }
        if (value.isEmpty()) {
            return required ? Optional.of(Text.of("connect.form.required", title)) : Optional.empty();
        }
        return switch (kind) {
            case TEXT -> patternProblem(secret ? text : value, false);
            case DATE, DATE_TIME -> rules.pattern().isPresent() ? patternProblem(value, false)
                    : moment(value).isPresent() ? Optional.empty()
                    : Optional.of(Text.of("connect.form.date", title, dateText(DateFormats.PROBE)));
            case INTEGER -> integer(value).map(this::rangeProblem)
                    .orElseGet(() -> Optional.of(Text.of("connect.form.wholeNumber", title)));
            case NUMBER -> number(value).map(this::rangeProblem)
                    .orElseGet(() -> Optional.of(Text.of("connect.form.number", title)));
            case BOOLEAN -> bool(value).isPresent() ? Optional.empty()
                    : Optional.of(Text.of("connect.form.trueOrFalse", title));
            case ENUM -> allowedNode(value).isPresent() ? Optional.empty()
                    : Optional.of(Text.of("connect.form.oneOf", title, listed()));
            case MULTI_ENUM -> items(value).stream().allMatch(item -> allowedNode(item).isPresent()) ? Optional.empty()
                    : Optional.of(Text.of("connect.form.someOf", title, listed()));
            case TEXT_LIST -> items(value).stream().map(item -> patternProblem(item, true)).flatMap(Optional::stream)
                    .findFirst();
            case INTEGER_LIST -> items(value).stream().allMatch(item -> integer(item).isPresent()) ? Optional.empty()
                    : Optional.of(Text.of("connect.form.wholeNumbers", title));
            case JSON -> parsedJson(value).map(this::jsonTypeProblem)
                    .orElseGet(() -> Optional.of(example.map(e -> Text.of("connect.form.jsonLike", title, e))
                            .orElseGet(() -> Text.of("connect.form.json", title))));
        };
    }

    /**
     * The JSON value to send for {@code text}; empty for a blank value, which is left out of the
     * configuration. Call it only for a value {@link #problem} accepts.
     */
    public Optional<JsonNode> value(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = switch (kind) {
            case TEXT -> NODES.textNode(secret ? text : value);
            case DATE, DATE_TIME -> NODES.textNode(value);
            case INTEGER -> whole(integer(value).orElseThrow());
            case NUMBER -> NODES.numberNode(number(value).orElseThrow());
            case BOOLEAN -> NODES.booleanNode(bool(value).orElseThrow());
            case ENUM -> allowedNode(value).orElseThrow();
            case MULTI_ENUM -> array(items(value).stream().map(item -> allowedNode(item).orElseThrow()).toList());
            case TEXT_LIST -> array(items(value).stream().<JsonNode>map(NODES::textNode).toList());
            case INTEGER_LIST -> array(items(value).stream()
                    .map(item -> whole(integer(item).orElseThrow())).toList());
            case JSON -> parsedJson(value).orElseThrow();
        };
        return Optional.of(node);
    }

    /**
     * The text a person would type for {@code value}, a value of this field in a configuration: what
     * {@link #value} turns back into it (a list's items separated by commas, a structure as JSON).
     */
    public String text(JsonNode value) {
        if (kind == Kind.JSON || value.isObject()) {
            return value.toString();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(", ", items);
        }
        return value.asText();
    }

    /** Why a value (a list's item when {@code item}) does not match the field's pattern; empty when it does. */
    private Optional<Text> patternProblem(String value, boolean item) {
        if (rules.pattern().isEmpty()) {
            return Optional.empty();
        }
        try {
            // JSON Schema patterns are not anchored: the value must contain a match.
            if (Pattern.compile(rules.pattern().get()).matcher(value).find()) {
                return Optional.empty();
            }
        } catch (PatternSyntaxException e) {
            // A pattern Java cannot read is left to Airbyte to check.
            return Optional.empty();
        }
        Optional<String> hint = rules.patternHint().or(() -> example)
                .or(() -> dateLayout().map(layout -> dateText(DateFormats.PROBE)));
        return Optional.of(hint.map(like -> item ? Text.of("connect.form.itemsLookLike", title, like)
                        : Text.of("connect.form.lookLike", title, like))
                .orElseGet(() -> Text.of("connect.form.pattern", title, rules.pattern().get())));
    }

    /** Why a JSON value is of the wrong type, in the words Onramp's check before sending uses. */
    private Optional<Text> jsonTypeProblem(JsonNode node) {
        return switch (rules.jsonType().orElse("")) {
            case "array" -> node.isArray() ? Optional.empty() : Optional.of(Text.of("connect.form.list", title));
            case "object" -> node.isObject() ? Optional.empty() : Optional.of(Text.of("connect.form.group", title));
            default -> Optional.empty();
        };
    }

    private Optional<Text> rangeProblem(BigDecimal number) {
        if (rules.minimum().isPresent() && number.compareTo(rules.minimum().get()) < 0) {
            return Optional.of(Text.of("connect.form.atLeast", title, rules.minimum().get().toPlainString()));
        }
        if (rules.exclusiveMinimum().isPresent() && number.compareTo(rules.exclusiveMinimum().get()) <= 0) {
            return Optional.of(Text.of("connect.form.moreThan", title, rules.exclusiveMinimum().get().toPlainString()));
        }
        if (rules.maximum().isPresent() && number.compareTo(rules.maximum().get()) > 0) {
            return Optional.of(Text.of("connect.form.atMost", title, rules.maximum().get().toPlainString()));
        }
        return Optional.empty();
    }

    private Optional<JsonNode> allowedNode(String text) {
        return allowed.stream().filter(node -> node.asText().equals(text)).findFirst()
                .or(() -> allowed.stream().filter(node -> node.asText().equalsIgnoreCase(text)).findFirst());
    }

    private Object listed() {
        List<String> texts = allowedTexts();
        return texts.size() <= MAX_LISTED ? String.join(", ", texts)
                : Text.of("connect.form.listedSome", String.join(", ", texts.subList(0, MAX_LISTED)), texts.size());
    }

    private static List<String> items(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static Optional<BigDecimal> integer(String value) {
        return number(value).filter(number -> number.stripTrailingZeros().scale() <= 0);
    }

    private static Optional<BigDecimal> number(String value) {
        try {
            return Optional.of(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Optional.of(true);
            case "false", "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static Optional<JsonNode> parsedJson(String value) {
        try {
            return Optional.of(JSON.readTree(value)).filter(node -> node.isArray() || node.isObject());
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** A whole number as the smallest JSON integer node that holds it, as Jackson would read it. */
    private static JsonNode whole(BigDecimal number) {
        BigInteger exact = number.toBigIntegerExact();
        if (exact.bitLength() < Integer.SIZE) {
            return NODES.numberNode(exact.intValue());
        }
        return exact.bitLength() < Long.SIZE ? NODES.numberNode(exact.longValue()) : NODES.numberNode(exact);
    }

    private static ArrayNode array(List<JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        array.addAll(new ArrayList<>(items));
        return array;
    }
}
