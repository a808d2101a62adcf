package dev.onramp.catalog;

import dev.onramp.model.BusinessType;
import dev.onramp.model.Provider;
import java.util.List;
import java.util.Optional;

/** The bundled provider catalog and business types, with recommendations per business type. */
public final class Catalog {
    /** Loads the catalog bundled with the app. */
    public static Catalog bundled() {
        throw new UnsupportedOperationException("not built yet");
    }

    public List<Provider> providers() {
        throw new UnsupportedOperationException("not built yet");
    }

    public Optional<Provider> provider(String id) {
        throw new UnsupportedOperationException("not built yet");
    }

    public List<BusinessType> businessTypes() {
        throw new UnsupportedOperationException("not built yet");
    }

    public Optional<BusinessType> businessType(String id) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Every provider, recommended ones first in rank order, each with the reason it is (or is not) recommended. */
    public List<Recommendation> recommend(String businessTypeId) {
        throw new UnsupportedOperationException("not built yet");
    }
}
