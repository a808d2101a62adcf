package dev.onramp.ui.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormChoice;
import dev.onramp.connect.form.FormElement;
import dev.onramp.connect.form.FormOption;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.model.Provider;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The credentials form of every connector of the registry snapshot is built and laid out in a scene. */
@ExtendWith(ApplicationExtension.class)
class CatalogFormPaneTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ConnectorSpecs SPECS = ConnectorSpecs.bundled(CATALOG);

    private ScrollPane area;

    @Start
    void start(Stage stage) {
        area = new ScrollPane();
        area.setFitToWidth(true);
        // A scene of its own, never shown: CSS and layout run for every form without painting each one.
        new Scene(new StackPane(area), 600, 640);
        stage.show();
    }

    @Test
    void everySpecOfTheSnapshot_rendersItsFormWithEveryOptionOfEveryChoice() throws Exception {
        List<String> failures = new ArrayList<>();
        int rendered = 0;
        for (Provider provider : CATALOG.providers()) {
            ConnectorForm form = SpecForms.read(SPECS.specification(provider.id()).orElseThrow());
            String failure = WaitForAsyncUtils.asyncFx(() -> render(provider.id(), form)).get();
            if (failure != null) {
                failures.add(failure);
            } else {
                rendered++;
            }
        }
        assertThat(failures).isEmpty();
        assertThat(rendered).isEqualTo(CATALOG.providers().size()).isGreaterThanOrEqualTo(587);
    }

    /** Builds the form on the FX thread, opens its optional settings and shows each option; the failure, or null. */
    private String render(String providerId, ConnectorForm form) {
        try {
            CredentialsModel model = new CredentialsModel(providerId, () -> form, (f, values, listener) -> {
                throw new AssertionError("nothing is sent");
            }, connection -> {}, Runnable::run, Runnable::run);
            model.load();
            FormPane pane = new FormPane(model, form);
            area.setContent(pane.root());
            layOut(pane.root());
            pane.root().lookupAll("#optional-settings").forEach(node -> ((TitledPane) node).setExpanded(true));
            for (FormElement element : form.allElements()) {
                if (element instanceof FormChoice choice) {
                    for (FormOption option : choice.options()) {
                        // Choosing an option builds its controls; one layout at the end places them all.
                        model.value(choice.path()).set(option.title());
                    }
                    model.value(choice.path()).set(choice.options().getFirst().title());
                }
            }
            pane.showProblems();
            layOut(pane.root());
            return null;
        } catch (RuntimeException | AssertionError e) {
            return providerId + ": " + e;
        }
    }

    private static void layOut(Node root) {
        root.applyCss();
        if (root instanceof Parent parent) {
            parent.layout();
        }
    }
}
