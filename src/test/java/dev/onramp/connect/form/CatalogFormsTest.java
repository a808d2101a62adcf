package dev.onramp.connect.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.model.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every connector of the bundled registry snapshot gets a form whose filled-in values Airbyte would accept. */
class CatalogFormsTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ConnectorSpecs SPECS = ConnectorSpecs.bundled(CATALOG);
    private static final JsonSchemaFactory DRAFT_7 = JsonSchemaFactory
            .builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
            .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV7())
                    .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                    .build())
            .build();

    /** Specifications no value fits, whatever a form does, each with the reason: their forms say so. */
    private static final java.util.Map<String, String> CONTRADICTORY = java.util.Map.of(
            "coingecko-coins", "its start_date must be format: date (yyyy-mm-dd) and match ^[0-9]{2}-[0-9]{2}-[0-9]{4}$");

    @Test
    void everySpecOfTheSnapshot_makesAFormWhoseDefaultsAndSampleValuesValidateAgainstIt() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Provider provider : CATALOG.providers()) {
            ObjectNode spec = SPECS.specification(provider.id()).orElseThrow();
            try {
                ConnectorForm form = SpecForms.read(spec);
                FormValues values = SampleValues.of(form);
                List<FormProblem> problems = form.problems(values);
                if (CONTRADICTORY.containsKey(provider.id())) {
                    // The form says so itself, before anything is sent.
                    if (problems.stream().noneMatch(problem -> problem.message().contains("cannot be filled in"))) {
                        failures.add(provider.id() + ": the form does not tell that no value fits: " + problems);
                    }
                    checked++;
                    continue;
                }
                if (!problems.isEmpty()) {
                    failures.add(provider.id() + ": the form refuses its own sample values: " + problems);
                    continue;
                }
                JsonNode configuration = form.configuration(values);
                ObjectNode schema = spec.deepCopy();
                schema.remove("$schema");
                Set<ValidationMessage> messages = DRAFT_7.getSchema(schema).validate(configuration);
                if (!messages.isEmpty()) {
                    failures.add(provider.id() + ": " + messages + " in " + configuration);
                }
                checked++;
            } catch (RuntimeException e) {
                failures.add(provider.id() + ": " + e);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isEqualTo(CATALOG.providers().size()).isGreaterThanOrEqualTo(587);
    }
}
