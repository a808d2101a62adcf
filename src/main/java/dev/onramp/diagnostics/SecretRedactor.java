package dev.onramp.diagnostics;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks secrets in free text (log lines, error messages, support files): the values of OAuth and
 * credential parameters, bearer tokens, JWTs and passwords in URLs.
 */
public final class SecretRedactor {
    /** What a masked value becomes; the same word the Airbyte gateway uses in its messages. */
    public static final String MASK = "[hidden]";

    private static final String SECRET_KEYS = "access[_-]?token|refresh[_-]?token|id[_-]?token|client[_-]?secret"
            + "|secret[_-]?id|api[_-]?key|password|passwd|code|state";
    // Not preceded by a word character, so statusCode=, error_code= and estate= stay readable.
    private static final String KEY_START = "(?<![A-Za-z0-9_])";
    // key=value, key: value, "key": "value".
    private static final String SEPARATOR = "[\"']?\\s*[=:]\\s*[\"']?";
    // Never starts at a mask, so redacting twice changes nothing.
    private static final String VALUE = "(?!\\[hidden])[^\\s&\"',;}\\])<>]+";
    // Inside an encoded redirect URL: ...%3Fcode%3D4%252F0Af%26next%3D... up to the next encoded '&'.
    private static final String ENCODED_KEY_START = "(?:(?<=%3[Ff])|(?<=%26)|" + KEY_START + ")";
    private static final String ENCODED_VALUE = "(?!\\[hidden])(?:[^%&\\s\"'<>]|%(?!26)[0-9A-Fa-f]{2})+";

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile(KEY_START + "((?i:authorization)" + SEPARATOR + ")(?:(?i:bearer|basic|token)\\s+)?"
                    + VALUE), "$1" + MASK),
            new Rule(Pattern.compile(KEY_START + "((?i:" + SECRET_KEYS + ")" + SEPARATOR + ")" + VALUE), "$1" + MASK),
            new Rule(Pattern.compile(ENCODED_KEY_START + "((?i:" + SECRET_KEYS + ")%3[Dd])" + ENCODED_VALUE), "$1" + MASK),
            new Rule(Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/-]+=*"), "$1 " + MASK),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"), MASK),
            new Rule(Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@"), "$1" + MASK + "@"));

    private SecretRedactor() {}

    /** The text with every secret value replaced by {@link #MASK}; everything else unchanged. */
    public static String redact(String text) {
        String redacted = text;
        for (Rule rule : RULES) {
            redacted = rule.pattern().matcher(redacted).replaceAll(rule.replacement());
        }
        return redacted;
    }

    private record Rule(Pattern pattern, String replacement) {}
}
