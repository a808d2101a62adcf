package dev.onramp.cli;

import dev.onramp.text.Text;
import dev.onramp.text.Messages;
import dev.onramp.connect.CredentialsUpdate;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormChoice;
import dev.onramp.connect.form.FormElement;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormOption;
import dev.onramp.connect.form.FormProblem;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns {@code connect}'s {@code --set KEY=VALUE} and {@code --secret KEY[=ENV_NAME]} into the values
 * of a provider's credentials form (new, or a connection's with what it holds), and refuses them with
 * the form's own sentences.
 */
final class CredentialsInput {
    private final ConnectorForm form;
    private final String providerName;
    private final CliEnvironment env;
    private final Messages messages;

    CredentialsInput(ConnectorForm form, String providerName, CliEnvironment env, Messages messages) {
        this.form = form;
        this.providerName = providerName;
        this.env = env;
        this.messages = messages;
    }

    /**
     * The form's defaults with the given values over them.
     *
     * @throws InvalidInputException naming every value that is missing or refused, with the option that gives it
     */
    FormValues read(List<String> sets, List<String> secrets) {
        return given(form.defaults(), sets, secrets, form::problems);
    }

    /**
     * The values of a connection's new credentials: what it holds now ({@code update.current()}), with
     * the given values over them; a secret not given keeps its stored value. When neither {@code --set}
     * nor {@code --secret} is given and there is a terminal, it asks for each required value and each
     * secret first, showing what is kept when nothing is typed; without a terminal, every value keeps
     * its stored one.
     *
     * @throws InvalidInputException naming every value that is missing or refused, with the option that gives it
     */
    FormValues readUpdate(CredentialsUpdate update, List<String> sets, List<String> secrets) {
        FormValues current = sets.isEmpty() && secrets.isEmpty() ? asked(update) : update.current();
        return given(current, sets, secrets, update::problems);
    }

    /**
     * Asks on the terminal for each required value and each secret of the chosen options, in form
     * order; Enter keeps a value as it is. Stops asking, keeping what is left, once a prompt finds no terminal.
     */
    private FormValues asked(CredentialsUpdate update) {
        FormValues values = update.current();
        for (FormField field : form.activeFields(values)) {
            if (!field.required() && !field.secret()) {
                continue;
            }
            Optional<String> typed = field.secret()
                    ? env.secrets().ask(field.title() + (update.keptSecrets().contains(field.path())
                            ? " (" + CredentialsUpdate.KEEP_PROMPT.toLowerCase(Locale.ROOT) + ")" : ""))
                    : env.lines().ask(field.title() + " [" + values.text(field.path()) + "]: ");
            if (typed.isEmpty()) {
                return values;
            }
            if (!typed.get().isBlank()) {
                values = values.with(field.path(), field.secret() ? typed.get() : typed.get().strip());
            }
        }
        return values;
    }

    private FormValues given(FormValues start, List<String> sets, List<String> secrets,
            Function<FormValues, List<FormProblem>> check) {
        FormValues values = start;
        for (String set : sets) {
            int equals = set.indexOf('=');
            if (equals <= 0) {
                throw new Refusal(Text.of("cli.credentials.setWithoutKey", set));
            }
            FormElement element = element(set.substring(0, equals).strip());
            if (element instanceof FormField field && field.secret()) {
                throw new Refusal(Text.of("cli.credentials.secretInSet", field.title(), field.path()));
            }
            values = values.with(element.path(), set.substring(equals + 1));
        }
        for (String secret : secrets) {
            SecretOption option = SecretOption.parse(secret);
            FormElement element = element(option.name());
            values = values.with(element.path(), option.read(env, element.title()));
        }
        List<FormProblem> problems = check.apply(values);
        if (!problems.isEmpty()) { // the form's sentences, each with the option that gives the value
            throw new InvalidInputException(Text.joined(" ", problems.stream()
                    .map(problem -> Text.of("cli.credentials.formProblem", Text.clause(problem.text()),
                            hint(problem.path())))
                    .toList()));
        }
        return values;
    }

    /** The element a key names: its path, the end of its path, or a choice's constant such as credentials.auth_method. */
    private FormElement element(String key) {
        Optional<FormElement> named = form.element(key);
        if (named.isPresent()) {
            return named.get();
        }
        int dot = key.lastIndexOf('.');
        if (dot > 0 && form.element(key.substring(0, dot)).orElse(null) instanceof FormChoice choice
                && choice.options().stream().anyMatch(o -> o.constants().containsKey(key.substring(dot + 1)))) {
            return choice;
        }
        throw new Refusal(Text.of("cli.credentials.noSuchField", providerName, key,
                form.allElements().stream().map(FormElement::path).distinct().collect(Collectors.joining(", "))));
    }

    private String hint(String path) {
        return switch (form.element(path).orElseThrow()) {
            case FormField field when field.secret() -> "--secret " + path;
            case FormField field -> "--set " + path + "=" + field.example().orElse("…");
            case FormChoice choice -> "--set " + path + "=" + choice.options().stream().map(FormOption::title)
                    .map(title -> "\"" + title + "\"").collect(Collectors.joining(messages.get("cli.credentials.or")));
        };
    }
}
