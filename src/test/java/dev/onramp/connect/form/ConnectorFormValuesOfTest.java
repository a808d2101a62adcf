package dev.onramp.connect.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import org.junit.jupiter.api.Test;

/** A stored configuration read back into the form it came from, on the real bundled specifications. */
class ConnectorFormValuesOfTest {
    private static final ConnectorSpecs SPECS = ConnectorSpecs.bundled(Catalog.bundled());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConnectorForm form(String providerId) {
        return SpecForms.read(SPECS.specification(providerId).orElseThrow());
    }

    @Test
    void aConfigurationTheFormMade_readsBackIntoTheValuesItWasMadeFrom() {
        ConnectorForm form = form("stripe");
        FormValues typed = form.defaults().with("account_id", "acct_1").with("client_secret", "sk_test_0123456789")
                .with("lookback_window_days", "7");

        FormValues read = form.valuesOf(form.configuration(typed));

        assertThat(form.configuration(read)).isEqualTo(form.configuration(typed));
        assertThat(read.text("lookback_window_days")).isEqualTo("7");
        assertThat(read.text("client_secret")).isEqualTo("sk_test_0123456789");
    }

    @Test
    void aChoice_readsAsTheOptionWhoseConstantTheConfigurationHolds_notTheFirst() throws Exception {
        ConnectorForm form = form("square");
        ObjectNode stored = (ObjectNode) JSON.readTree(
                "{\"is_sandbox\":false,\"credentials\":{\"auth_type\":\"API Key\",\"api_key\":\"sq0atp-0123456789\"}}");

        FormValues read = form.valuesOf(stored);

        assertThat(read.text("credentials")).isEqualTo("API key");
        assertThat(read.text("credentials.api_key")).isEqualTo("sq0atp-0123456789");
        assertThat(read.get("credentials.refresh_token")).isEmpty();
        assertThat(read.text("is_sandbox")).isEqualTo("false");
    }

    @Test
    void aFieldTheConfigurationLeftOut_isLeftOutOfTheValues_ratherThanGivenItsDefault() throws Exception {
        ConnectorForm form = form("stripe");

        FormValues read = form.valuesOf(JSON.readTree("{\"account_id\":\"acct_1\",\"client_secret\":\"sk_test_0123\"}"));

        assertThat(read.get("num_workers")).isEmpty();
        assertThat(form.defaults().get("num_workers")).isPresent();
    }
}
