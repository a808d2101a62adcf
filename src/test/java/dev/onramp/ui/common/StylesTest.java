package dev.onramp.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

class StylesTest {
    private static final URL TEXT = Styles.class.getResource("/dev/onramp/ui/onramp.css");
    private static final URL BINARY = Styles.class.getResource("/dev/onramp/ui/onramp.bss");

    @Test
    void theStylesheetIsBuiltInBinaryFormBesideTheTextSoJavaFxNeedNotParseItWhileTheWindowOpens() throws IOException {
        assertThat(BINARY).as("onramp.bss, which the build writes beside onramp.css").isNotNull();
        Stylesheet binary = Stylesheet.loadBinary(BINARY);
        Stylesheet text = new CssParser().parse(TEXT);

        assertThat(rules(binary)).hasSizeGreaterThan(50).isEqualTo(rules(text));
    }

    /** Each rule as its selectors and declarations, which is what JavaFX applies. */
    private static List<String> rules(Stylesheet sheet) {
        // A binary rule reads its declarations when first asked for them, which toString alone does not do.
        return sheet.getRules().stream().map(rule -> rule.getSelectors() + " " + rule.getDeclarations()).toList();
    }
}
