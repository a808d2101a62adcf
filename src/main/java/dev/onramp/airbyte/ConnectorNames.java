package dev.onramp.airbyte;

import java.util.Optional;

/** Looks up a connector's display name by its Airbyte definition id, so errors can name it ("the Shopify connector"). */
@FunctionalInterface
public interface ConnectorNames {
    /** Knows no names: errors name the connector by its definition id. */
    ConnectorNames NONE = definitionId -> Optional.empty();

    Optional<String> nameOf(String definitionId);

    /** "the Shopify connector", or "the connector &lt;id&gt;" when the name is unknown. */
    default String describe(String definitionId) {
        return nameOf(definitionId).map(name -> "the " + name + " connector").orElse("the connector " + definitionId);
    }
}
