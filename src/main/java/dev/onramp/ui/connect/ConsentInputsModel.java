package dev.onramp.ui.connect;

import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormElement;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormProblem;
import dev.onramp.connect.form.FormValues;
import dev.onramp.ui.credentials.FormInputs;
import dev.onramp.ui.common.UiText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The fields a provider needs before its consent page (Zendesk's subdomain, Amazon's region), as
 * typed in the connect dialog: they start at the specification's defaults, and are checked against
 * it before the sign-in starts. Kept across "Try again", so a mistyped value can be corrected.
 */
public final class ConsentInputsModel implements FormInputs {
    private final ConnectorForm form;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper showProblems = new ReadOnlyBooleanWrapper(false);

    public ConsentInputsModel(ConnectorForm form) {
        this.form = form;
        FormValues defaults = form.defaults();
        for (FormElement element : form.allElements()) {
            values.put(element.path(), new SimpleStringProperty(this, element.path(), defaults.text(element.path())));
        }
    }

    public ConnectorForm form() {
        return form;
    }

    @Override
    public StringProperty value(String path) {
        StringProperty value = values.get(path);
        if (value == null) {
            throw new IllegalArgumentException("The form has no element " + path);
        }
        return value;
    }

    @Override
    public Optional<String> problem(FormField field) {
        return field.refusal(values().text(field.path())).map(UiText::render);
    }

    /** What is typed now. */
    public FormValues values() {
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((path, value) -> texts.put(path, value.get() == null ? "" : value.get()));
        return new FormValues(texts);
    }

    /**
     * The typed values when the specification accepts them all; otherwise empty, with the reasons
     * in {@link #messageProperty()} and every refused field marked from now on.
     */
    Optional<FormValues> checked() {
        FormValues typed = values();
        List<FormProblem> problems = form.problems(typed);
        if (problems.isEmpty()) {
            message.set("");
            return Optional.of(typed);
        }
        showProblems.set(true);
        message.set(problems.stream().map(problem -> UiText.render(problem.text())).collect(Collectors.joining(" ")));
        return Optional.empty();
    }

    /** Why the values cannot be sent yet; empty when nothing was refused. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True once the values were refused, so that the view marks every refused field from then on. */
    public ReadOnlyBooleanProperty showProblemsProperty() {
        return showProblems.getReadOnlyProperty();
    }
}
