package dev.onramp.catalog;

import dev.onramp.model.BusinessType;
import dev.onramp.model.Provider;
import dev.onramp.text.Locales;
import dev.onramp.text.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog's own texts in one language — featured providers' summaries, business types' names and
 * descriptions, recommendation reasons — read from {@code catalog-words_<language>.properties} beside
 * {@code catalog.json}, whose English they translate: a text is said in the language when it is the bundled
 * catalog's own under that id, and as it is otherwise (English, or a text from elsewhere).
 */
public final class CatalogWords {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogWords.class);
    private static final Map<Locale, CatalogWords> BY_LANGUAGE = new ConcurrentHashMap<>();
    private static final CatalogWords ENGLISH = new CatalogWords(Locale.ENGLISH, Map.of());

    private final Locale locale;
    private final Map<String, String> translations;

    private CatalogWords(Locale locale, Map<String, String> translations) {
        this.locale = locale;
        this.translations = translations;
    }

    /** The catalog's texts in {@code locale}'s language; English (the catalog's own) for a language Onramp does not speak. */
    public static CatalogWords of(Locale locale) {
        Locale language = Locales.shipped(locale.toLanguageTag()).orElse(Locale.ENGLISH);
        return language.equals(Locale.ENGLISH) ? ENGLISH : BY_LANGUAGE.computeIfAbsent(language, CatalogWords::read);
    }

    /** The language these texts are in: English, German or French. */
    public Locale locale() {
        return locale;
    }

    /** Whether these are the catalog's English texts, which need no translating. */
    boolean english() {
        return translations.isEmpty();
    }

    /**
     * A provider's summary in this language: a featured provider's from the translations, a connector nobody
     * curated its plain one ("Data from your … account") from the message bundle.
     */
    public String summary(Provider provider) {
        String said = said(summaryKey(provider.id()), provider.summary());
        return said == null || english() || !said.equals(provider.summary()) ? said
                : UncuratedListing.said(provider.name(), said, Messages.of(locale));
    }

    /** {@code provider} with its summary in this language: itself when that is the one it has. */
    public Provider said(Provider provider) {
        String summary = summary(provider);
        return summary == null || summary.equals(provider.summary()) ? provider
                : new Provider(provider.id(), provider.name(), provider.category(), provider.definitionId(),
                        provider.sourceType(), provider.authMode(), provider.oauth(), summary, provider.listing());
    }

    /** A kind of business's name in this language: "Online store", "Onlineshop". */
    public String name(BusinessType type) {
        return typeName(type.id(), type.name());
    }

    /** {@code name}, the name of the business type {@code typeId}, in this language. */
    public String typeName(String typeId, String name) {
        return said(nameKey(typeId), name);
    }

    /** A kind of business's description in this language. */
    public String description(BusinessType type) {
        return said(descriptionKey(type.id()), type.description());
    }

    /** {@code reason}, why the business type {@code typeId} recommends the provider {@code providerId}, in this language. */
    public String reason(String typeId, String providerId, String reason) {
        return said(reasonKey(typeId, providerId), reason);
    }

    /**
     * A kind of business's name in this language as it stands inside a sentence ("Created Acme, an online store"):
     * lower-cased, save in German, whose nouns keep their capital ("Art: Onlineshop").
     */
    public String inSentence(BusinessType type) {
        String name = name(type);
        return locale.getLanguage().equals(Locale.GERMAN.getLanguage()) ? name : name.toLowerCase(locale);
    }

    /** The translation under {@code key} when {@code text} is the bundled catalog's English under it; else {@code text}. */
    private String said(String key, String text) {
        if (text == null || english()) {
            return text;
        }
        String translated = translations.get(key);
        return translated != null && text.equals(BundledEnglish.TEXTS.get(key)) ? translated : text;
    }

    static String summaryKey(String providerId) {
        return "provider." + providerId + ".summary";
    }

    static String nameKey(String typeId) {
        return "businessType." + typeId + ".name";
    }

    static String descriptionKey(String typeId) {
        return "businessType." + typeId + ".description";
    }

    static String reasonKey(String typeId, String providerId) {
        return "businessType." + typeId + ".reason." + providerId;
    }

    /** The texts of {@code language}'s file; a file that is missing or cannot be read leaves the catalog's English. */
    private static CatalogWords read(Locale language) {
        String file = "catalog-words_" + language.getLanguage() + ".properties";
        try (InputStream in = CatalogWords.class.getResourceAsStream(file)) {
            if (in == null) {
                LOG.warn("The catalog's texts in {} (dev/onramp/catalog/{}) are missing; they are shown in English",
                        language.getDisplayLanguage(Locale.ENGLISH), file);
                return new CatalogWords(language, Map.of());
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> texts = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            return new CatalogWords(language, Map.copyOf(texts));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("The catalog's texts in {} (dev/onramp/catalog/{}) could not be read ({}); they are shown in English",
                    language.getDisplayLanguage(Locale.ENGLISH), file, e.getMessage());
            return new CatalogWords(language, Map.of());
        }
    }

    /** The bundled catalog's English texts by key, the ones the files translate. */
    static Map<String, String> englishTexts() {
        return BundledEnglish.TEXTS;
    }

    /** The bundled {@code catalog.json}'s English under the files' keys, read when a translation is first asked for. */
    private static final class BundledEnglish {
        static final Map<String, String> TEXTS = texts(Catalog.curated());

        private static Map<String, String> texts(Catalog catalog) {
            Map<String, String> texts = new LinkedHashMap<>();
            catalog.featured().forEach(p -> texts.put(summaryKey(p.id()), p.summary()));
            for (BusinessType type : catalog.businessTypes()) {
                texts.put(nameKey(type.id()), type.name());
                texts.put(descriptionKey(type.id()), type.description());
                catalog.recommend(type.id()).stream().filter(Recommendation::recommended)
                        .forEach(r -> texts.put(reasonKey(type.id(), r.provider().id()), r.reason()));
            }
            return Map.copyOf(texts);
        }
    }
}
