package dev.onramp.ui.credentials;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** A field's help as wrapping text whose web addresses are links that open in the person's browser. */
final class HelpLinks {
    private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]]+");

    private static final int MAX_SHOWN = 60;

    private HelpLinks() {}

    static Node flow(String help, Consumer<URI> open) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().addAll("hint", "help-text");
        Matcher matcher = URL.matcher(help);
        int from = 0;
        while (matcher.find()) {
            String address = matcher.group();
            // A sentence's full stop or comma is no part of the address.
            while (!address.isEmpty() && ".,;:!?'\"".indexOf(address.charAt(address.length() - 1)) >= 0) {
                address = address.substring(0, address.length() - 1);
            }
            int end = matcher.start() + address.length();
            // Wikipedia's Glob_(programming): a bracket the address opened is its own.
            if (address.chars().filter(c -> c == '(').count() > address.chars().filter(c -> c == ')').count()
                    && end < help.length() && help.charAt(end) == ')') {
                address = address + ")";
            }
            text(flow, help.substring(from, matcher.start()));
            URI uri = uri(address);
            if (uri == null) {
                text(flow, address);
            } else {
                Hyperlink link = new Hyperlink(shown(uri, address));
                link.getStyleClass().add("help-link");
                link.setTooltip(new Tooltip(address));
                link.setOnAction(e -> open.accept(uri));
                flow.getChildren().add(link);
            }
            from = matcher.start() + address.length();
        }
        text(flow, help.substring(from));
        return flow;
    }

    /** A long address shortened to fit a line (a link cannot wrap): its host and the start of its path. */
    static String shown(URI uri, String address) {
        if (address.length() <= MAX_SHOWN || uri.getHost() == null) {
            return address;
        }
        String rest = address.substring(address.indexOf(uri.getHost()));
        return rest.length() <= MAX_SHOWN ? rest : rest.substring(0, MAX_SHOWN - 1) + "…";
    }

    private static void text(TextFlow flow, String text) {
        if (!text.isEmpty()) {
            Text part = new Text(text);
            part.getStyleClass().add("help-words");
            flow.getChildren().add(part);
        }
    }

    private static URI uri(String address) {
        try {
            return new URI(address);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
