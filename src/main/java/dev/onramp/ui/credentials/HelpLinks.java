package dev.onramp.ui.credentials;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** A field's help as wrapping text whose web addresses are links that open in the person's browser. */
final class HelpLinks {
    private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]]+");

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
            text(flow, help.substring(from, matcher.start()));
            URI uri = uri(address);
            if (uri == null) {
                text(flow, address);
            } else {
                Hyperlink link = new Hyperlink(address);
                link.getStyleClass().add("help-link");
                link.setOnAction(e -> open.accept(uri));
                flow.getChildren().add(link);
            }
            from = matcher.start() + address.length();
        }
        text(flow, help.substring(from));
        return flow;
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
