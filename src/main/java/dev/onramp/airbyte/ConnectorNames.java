package dev.onramp.airbyte;

import dev.onramp.text.Text;
import java.util.Optional;

/** Looks up a connector's display name by its Airbyte definition id, so errors can name it ("the Shopify connector"). */
@FunctionalInterface
public interface ConnectorNames {
    /** Knows no names: errors name the connector by its definition id. */
    ConnectorNames NONE = definitionId -> Optional.empty();

    Optional<String> nameOf(String definitionId);

    /** "the Shopify connector", or "the connector &lt;id&gt;" when the name is unknown. */
    default Text describe(String definitionId) {
        return nameOf(definitionId).map(ConnectorNames::named).orElse(Text.of("airbyte.connector.id", definitionId));
    }

    /** "the Shopify connector". */
    static Text named(String name) {
        return Text.of("airbyte.connector.named", name);
    }
}
