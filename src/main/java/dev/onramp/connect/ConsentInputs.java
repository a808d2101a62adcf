package dev.onramp.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormProblem;
import dev.onramp.connect.form.FormValues;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import dev.onramp.text.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The fields each OAuth provider needs before its consent page (Zendesk's subdomain, Amazon's
 * region and account type, Google Analytics' property ids: its OAuth inputs and every other required
 * field the sign-in does not fill), as forms generated from the bundled connector specifications,
 * and what a flow sends for them: Airbyte's {@code oAuthInputConfiguration} and the values at their
 * places in the source's configuration.
 */
public final class ConsentInputs {
    private static final ConnectorForm NONE = SpecForms.consentInputs(JsonNodeFactory.instance.objectNode(),
            new OAuthFacts(List.of(), "", Map.of(), Map.of()));

    private final Catalog catalog;
    private final ConnectorSpecs specs;
    /** Each OAuth provider's form in each language ({@code zendesk-support/de}), made when first asked for. */
    private final Map<String, ConnectorForm> forms = new ConcurrentHashMap<>();

    /** The forms of the catalog's OAuth providers, read from the connector specifications bundled with Onramp. */
    public ConsentInputs(Catalog catalog, ConnectorSpecs specs) {
        this.catalog = catalog;
        this.specs = specs;
    }

    /**
     * The form to fill before the provider's consent, in the process's display language (the window's);
     * one without elements when it needs nothing first.
     */
    public ConnectorForm form(String providerId) {
        return form(providerId, Locale.getDefault(Locale.Category.DISPLAY));
    }

    /** The form to fill before the provider's consent, its titles and help in {@code language} where Onramp has them. */
    public ConnectorForm form(String providerId, Locale language) {
        return forms.computeIfAbsent(providerId + "/" + language.toLanguageTag(), key -> read(providerId, language));
    }

    /** Whether the provider asks for anything before its consent page. */
    public boolean asksFirst(String providerId) {
        return !form(providerId).elements().isEmpty();
    }

    private ConnectorForm read(String providerId, Locale language) {
        return catalog.provider(providerId).filter(Provider::connectsByOAuth)
                .flatMap(provider -> specs.specification(providerId)
                        .map(spec -> SpecForms.consentInputs(spec, provider.oauth().orElseThrow(),
                                specs.words(providerId, language))))
                .orElse(NONE);
    }

    /**
     * A configuration that fills the provider's consent form for asking Airbyte for a consent link
     * without anyone signing in (the readiness check): each field of the options chosen by default
     * with its default, else its example, else a placeholder, when the field accepts it; it is never
     * used to create a source.
     */
    ObjectNode sampleConfiguration(String providerId) {
        ConnectorForm form = form(providerId);
        FormValues defaults = form.defaults();
        ObjectNode configuration = JsonNodeFactory.instance.objectNode();
        for (FormField field : form.activeFields(defaults)) {
            String sample = defaults.get(field.path()).or(field::example).orElse("example");
            if (field.refusal(sample).isEmpty()) {
                field.value(sample).ifPresent(value -> put(configuration, field.keys(), value));
            }
        }
        return configuration;
    }

    private static void put(ObjectNode root, List<String> keys, JsonNode value) {
        ObjectNode parent = root;
        for (String key : keys.subList(0, keys.size() - 1)) {
            parent = parent.get(key) instanceof ObjectNode existing ? existing : parent.putObject(key);
        }
        parent.set(keys.getLast(), value);
    }

    /**
     * What a flow sends for {@code values} (over the form's defaults).
     *
     * @throws InvalidInputException naming every field that is missing or refused
     */
    Given given(Provider provider, FormValues values) {
        ConnectorForm form = form(provider.id());
        FormValues effective = form.defaults().withAll(values);
        List<FormProblem> problems = form.problems(effective);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Text.of("connect.consentInputs.needed", provider.name(),
                    Text.joined(" ", problems.stream().map(FormProblem::text).toList())));
        }
        ObjectNode configuration = form.configuration(effective);
        return new Given(inputsIn(provider, configuration), configuration);
    }

    /**
     * The provider's consent inputs as {@code configuration} holds them, keyed by Airbyte's input
     * names: what a reconnect sends again, since the source was made with them.
     */
    static ObjectNode inputsIn(Provider provider, ObjectNode configuration) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        provider.oauth().ifPresent(oauth -> oauth.userInputPaths().forEach((name, path) -> {
            JsonNode value = configuration;
            for (String key : path) {
                value = value.path(key);
            }
            if (!value.isMissingNode()) {
                input.set(name, value.deepCopy());
            }
        }));
        return input;
    }

    /**
     * The values of one flow: {@code oauthInput} keyed by Airbyte's input names for the consent and
     * completion calls, {@code configuration} with each value at its place in the source's configuration.
     */
    record Given(ObjectNode oauthInput, ObjectNode configuration) {
        Given {
            oauthInput = oauthInput.deepCopy();
            configuration = configuration.deepCopy();
        }

        @Override
        public ObjectNode oauthInput() {
            return oauthInput.deepCopy();
        }

        @Override
        public ObjectNode configuration() {
            return configuration.deepCopy();
        }
    }
}
