package dev.onramp.connect.form;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a connector description (bits of HTML and Markdown) into plain text that keeps its links readable. */
final class HelpText {
    private static final Pattern HTML_LINK =
            Pattern.compile("<a\\s[^>]*href=[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]+)]\\((https?://[^)\\s]+)\\)");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private HelpText() {}

    static String plain(String description) {
        String text = link(HTML_LINK, description, 2, 1);
        text = link(MARKDOWN_LINK, text, 1, 2);
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Writes each link as "text (address)", or just the address when the text is the address. */
    private static String link(Pattern pattern, String text, int textGroup, int urlGroup) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String label = TAG.matcher(matcher.group(textGroup)).replaceAll("").strip();
            String url = matcher.group(urlGroup);
            String written = label.isEmpty() || label.equals(url) ? url : label + " (" + url + ")";
            matcher.appendReplacement(out, Matcher.quoteReplacement(written));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
