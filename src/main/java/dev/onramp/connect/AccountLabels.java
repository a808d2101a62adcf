package dev.onramp.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.TenantId;
import dev.onramp.text.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names each account a business connects: what the provider's configuration identifies (Shopify's
 * shop, Zendesk's subdomain, the Stripe account id, a QuickBooks realm …), else the name a person
 * gave, else the provider's name and a number ("HubSpot 2"); no two live connections of one
 * provider in one business share a label.
 */
final class AccountLabels {
    /** The longest label, in characters: a tile and a command line's table still show it whole. */
    static final int LONGEST = 60;
    /** Configuration fields that identify the account, in the order they are preferred as its label. */
    private static final List<String> IDENTIFYING = List.of("shop", "account_id", "subdomain", "realm_id", "tenant_id",
            "domain", "site", "company_domain");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}|\\p{Cf}");

    private final FlowStores stores;
    private final ObjectMapper json = new ObjectMapper();

    AccountLabels(FlowStores stores) {
        this.stores = stores;
    }

    /**
     * A label a person typed, stripped, or why it cannot be one.
     *
     * @throws InvalidInputException when it is blank, too long or holds control characters
     */
    static String checked(String label) {
        String stripped = label == null ? "" : label.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException(Text.of("connect.label.blank"));
        }
        if (CONTROL.matcher(stripped).find()) {
            throw new InvalidInputException(Text.of("connect.label.controlCharacters"));
        }
        if (stripped.codePointCount(0, stripped.length()) > LONGEST) {
            throw new InvalidInputException(Text.of("connect.label.tooLong", LONGEST,
                    stripped.codePointCount(0, stripped.length())));
        }
        return stripped;
    }

    /** The value in {@code configuration} that identifies the account (top level, or one object down); empty when none does. */
    static Optional<String> identifying(JsonNode configuration) {
        for (String key : IDENTIFYING) {
            Optional<String> found = text(configuration.path(key));
            if (found.isPresent()) {
                return found;
            }
            for (JsonNode nested : configuration) {
                if (nested.isObject()) {
                    found = text(nested.path(key));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText().strip()) : Optional.empty();
    }

    /** The business's connections of the provider that are not disconnected. */
    List<Connection> live(TenantId tenant, String providerId) {
        return stores.connections().list(tenant).stream()
                .filter(c -> c.providerId().equals(providerId) && c.status() != ConnectionStatus.DISCONNECTED)
                .toList();
    }

    /**
     * The label of a new connection of {@code provider} with {@code configuration}: {@code given}
     * when a person gave one, else the identifying value, else the provider's name (with a number
     * when that is taken), made unique among the business's live connections of the provider.
     *
     * @throws InvalidInputException when {@code given} is not a label, or another account already has it
     */
    String forNew(TenantId tenant, Provider provider, JsonNode configuration, Optional<String> given) {
        Set<String> taken = live(tenant, provider.id()).stream().map(c -> c.accountLabel().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        if (given.isPresent()) {
            String label = checked(given.get());
            if (taken.contains(label.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException(Text.of("connect.label.taken", provider.name(), label));
            }
            return label;
        }
        String base = identifying(configuration).map(value -> value.length() > LONGEST ? value.substring(0, LONGEST)
                : value).orElse(provider.name());
        if (!taken.contains(base.toLowerCase(Locale.ROOT))) {
            return base;
        }
        for (int n = 2; ; n++) {
            String numbered = base + " " + n;
            if (!taken.contains(numbered.toLowerCase(Locale.ROOT))) {
                return numbered;
            }
        }
    }

    /**
     * The business's live connection of the provider whose configuration identifies the same
     * account as {@code configuration} does (the same shop, subdomain, account id …); empty when
     * none does, or when nothing in it identifies an account. A stored configuration that cannot be
     * read is passed over.
     */
    Optional<Connection> sameAccount(TenantId tenant, String providerId, JsonNode configuration) {
        Optional<String> wanted = identifying(configuration);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (Connection connection : live(tenant, providerId)) {
            Optional<String> stored;
            try {
                stored = stores.connections().secretConfig(tenant, connection.id())
                        .flatMap(bytes -> parse(bytes)).flatMap(AccountLabels::identifying);
            } catch (RuntimeException e) {
                continue;
            }
            if (stored.filter(value -> value.equalsIgnoreCase(wanted.get())).isPresent()) {
                return Optional.of(connection);
            }
        }
        return Optional.empty();
    }

    /** "Acme's Shopify account acme-shop is already connected". */
    static Text alreadyConnected(String business, Provider provider, Connection existing, JsonNode configuration) {
        String value = identifying(configuration).orElse(existing.accountLabel());
        boolean labelled = !existing.accountLabel().equalsIgnoreCase(value);
        boolean endsInS = business.endsWith("s"); // English writes Acme Outdoors' rather than Outdoors's
        if (labelled) {
            return endsInS ? Text.of("connect.duplicate.connectedAsS", business, provider.name(), value, existing.accountLabel())
                    : Text.of("connect.duplicate.connectedAs", business, provider.name(), value, existing.accountLabel());
        }
        return endsInS ? Text.of("connect.duplicate.connectedS", business, provider.name(), value)
                : Text.of("connect.duplicate.connected", business, provider.name(), value);
    }

    /** "Acme's Shopify account acme-shop is already connected — connect it again?" */
    static Text duplicateWarning(String business, Provider provider, Connection existing, JsonNode configuration) {
        return Text.of("connect.duplicate.ask", alreadyConnected(business, provider, existing, configuration));
    }

    private Optional<JsonNode> parse(byte[] bytes) {
        try {
            return Optional.of(json.readTree(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
