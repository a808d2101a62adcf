package dev.onramp.connect;

import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormProblem;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.Connection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A typed-credential connection ready for new credentials: its form filled with what it holds now
 * ({@code current}: every value but the secrets, each choice at its option) and the paths of the
 * secrets it holds ({@code keptSecrets}), each kept when its field is left empty. The secrets
 * themselves never leave {@link CredentialsService}.
 */
public record CredentialsUpdate(Connection connection, String providerName, ConnectorForm form, FormValues current,
        Set<String> keptSecrets) {
    /** The words a secret's field shows while it is empty. */
    public static final String KEEP_PROMPT = "Leave empty to keep the current one";

    public CredentialsUpdate {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(current, "current");
        keptSecrets = Set.copyOf(keptSecrets);
    }

    /** Whether the secret at {@code path} keeps its stored value when {@code typed} leaves it empty. */
    public boolean keeps(String path, FormValues typed) {
        return keptSecrets.contains(path) && typed.text(path).isBlank();
    }

    /**
     * Every reason {@code typed} cannot be sent, as the form says, but for the secrets left empty to
     * keep their stored value.
     */
    public List<FormProblem> problems(FormValues typed) {
        return form.problems(typed).stream().filter(problem -> !keeps(problem.path(), typed)).toList();
    }
}
