package dev.onramp.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.catalog.CatalogFile.BusinessTypeEntry;
import dev.onramp.catalog.CatalogFile.OAuthEntry;
import dev.onramp.catalog.CatalogFile.ProviderEntry;
import dev.onramp.catalog.CatalogFile.RecommendationEntry;
import dev.onramp.model.AuthMode;
import dev.onramp.model.BusinessType;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import dev.onramp.model.ProviderListing;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads a catalog file and checks it, so a broken catalog stops the app at start-up rather than mid-flow. */
final class CatalogReader {
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Reads the catalog; a {@link BrokenCatalogException} names what is wrong. */
    Catalog read(InputStream in) throws IOException {
        CatalogFile file;
        try {
            file = json.readValue(in, CatalogFile.class);
        } catch (JacksonException e) {
            throw new BrokenCatalogException("it is not valid catalog JSON (" + e.getOriginalMessage() + ")");
        }
        check(file != null && file.providers() != null && !file.providers().isEmpty(), "it lists no providers");
        check(file.businessTypes() != null, "it has no businessTypes list");

        Map<String, Provider> providers = new LinkedHashMap<>();
        Set<String> definitionIds = new HashSet<>();
        for (ProviderEntry entry : file.providers()) {
            Provider provider = provider(entry);
            check(providers.putIfAbsent(provider.id(), provider) == null, "provider id " + provider.id() + " appears twice");
            check(definitionIds.add(provider.definitionId()),
                    "definitionId " + provider.definitionId() + " is used by two providers");
        }

        List<BusinessType> businessTypes = new ArrayList<>();
        Map<String, List<RecommendationEntry>> picks = new LinkedHashMap<>();
        for (BusinessTypeEntry entry : file.businessTypes()) {
            check(entry != null, "a business type is empty");
            String id = required(entry.id(), "a business type has no id");
            String where = "business type " + id;
            businessTypes.add(new BusinessType(
                    id, required(entry.name(), where + " has no name"),
                    required(entry.description(), where + " has no description")));
            check(picks.put(id, recommendations(entry, providers.keySet())) == null, where + " appears twice");
        }
        return new Catalog(List.copyOf(providers.values()), businessTypes, picks);
    }

    private static Provider provider(ProviderEntry entry) {
        check(entry != null, "a provider is empty");
        String id = required(entry.id(), "a provider has no id");
        String where = "provider " + id;
        String definitionId = required(entry.definitionId(), where + " has no definitionId");
        check(isCanonicalUuid(definitionId), where + " has a definitionId that is not a UUID: " + definitionId);
        AuthMode authMode = authMode(entry.authMode(), where);
        Optional<OAuthFacts> oauth = Optional.ofNullable(entry.oauth()).map(facts -> oauthFacts(facts, where));
        check(oauth.isPresent() == (authMode == AuthMode.OAUTH),
                where + " must have oauth facts exactly when its authMode is OAUTH");
        return new Provider(
                id,
                required(entry.name(), where + " has no name"),
                required(entry.category(), where + " has no category"),
                definitionId,
                required(entry.sourceType(), where + " has no sourceType"),
                authMode,
                oauth,
                required(entry.summary(), where + " has no summary"),
                new ProviderListing("", ProviderListing.SupportLevel.COMMUNITY, List.of(), true, false));
    }

    private static AuthMode authMode(String value, String where) {
        String mode = required(value, where + " has no authMode");
        try {
            return AuthMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new BrokenCatalogException(where + " has an unknown authMode " + mode);
        }
    }

    private static OAuthFacts oauthFacts(OAuthEntry entry, String where) {
        List<String> predicateKey = entry.predicateKey() == null ? List.of() : entry.predicateKey();
        String predicateValue = entry.predicateValue() == null ? "" : entry.predicateValue();
        check(predicateKey.isEmpty() || !predicateValue.isEmpty(), where + " has an OAuth predicateKey without a predicateValue");
        check(entry.outputPaths() != null && !entry.outputPaths().isEmpty(), where + " has no OAuth outputPaths");
        return new OAuthFacts(
                predicateKey,
                predicateValue,
                entry.outputPaths(),
                entry.userInputPaths() == null ? Map.of() : entry.userInputPaths(),
                entry.serverOutputPaths() == null ? Map.of() : entry.serverOutputPaths(),
                entry.appConsole() == null ? "" : entry.appConsole());
    }

    private static List<RecommendationEntry> recommendations(BusinessTypeEntry entry, Set<String> providerIds) {
        String where = "business type " + entry.id();
        check(entry.recommendations() != null, where + " has no recommendations list");
        Set<String> seen = new HashSet<>();
        for (RecommendationEntry pick : entry.recommendations()) {
            check(pick != null, where + " has an empty recommendation");
            String provider = required(pick.provider(), where + " recommends without naming a provider");
            check(providerIds.contains(provider), where + " recommends " + provider + ", which is not in the catalog");
            check(seen.add(provider), where + " recommends " + provider + " twice");
            required(pick.reason(), where + " recommends " + provider + " without a reason");
        }
        return List.copyOf(entry.recommendations());
    }

    private static boolean isCanonicalUuid(String value) {
        try {
            // UUID.fromString accepts short groups like 1-1-1-1-1; only the canonical form is a real id.
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String required(String value, String problem) {
        check(value != null && !value.isBlank(), problem);
        return value;
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new BrokenCatalogException(problem);
        }
    }

    /** Why a catalog file cannot be used; the caller adds which file it was. */
    static final class BrokenCatalogException extends RuntimeException {
        BrokenCatalogException(String problem) {
            super(problem);
        }
    }
}
