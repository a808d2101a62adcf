package dev.onramp.connect.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.catalog.SpecWords;
import dev.onramp.text.Messages;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The words a form shows for one specification's titles and descriptions, in the form's language: each
 * schema's translated words where its connector has them, else the specification's own English.
 */
final class FormWords {
    private final SpecWords words;
    private final Messages messages;
    /** Each schema of the specification by identity, with its path, for its words' keys. */
    private final Map<JsonNode, String> paths = new IdentityHashMap<>();

    FormWords(JsonNode spec, SpecWords words) {
        this.words = words;
        this.messages = Messages.of(words.language());
        if (!words.isEnglish()) {
            SpecWords.forEachSchema(spec, (path, schema) -> paths.put(schema, path));
        }
    }

    /** The words for the schema's {@code title}, whose English is {@code english}. */
    String title(JsonNode schema, String english) {
        return say(schema, "title", english);
    }

    /** The words for the schema's {@code description}, whose English is {@code english}. */
    String description(JsonNode schema, String english) {
        return say(schema, "description", english);
    }

    /** "For example: a, b." in the form's language. */
    String forExample(String examples) {
        return messages.get("connect.form.forExample", examples);
    }

    /** What an option without a title or description is called: "Option 2". */
    String option(int number) {
        return messages.get("connect.form.option", number);
    }

    private String say(JsonNode schema, String field, String english) {
        String path = paths.get(schema);
        return path == null ? english : words.say(SpecWords.key(path, field), english);
    }
}
