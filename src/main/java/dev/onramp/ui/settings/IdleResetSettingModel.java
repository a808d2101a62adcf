package dev.onramp.ui.settings;

import dev.onramp.business.IdleReset;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Settings section of the trade-show kiosk: "Reset the demo after [N] minutes without input", for the whole
 * app, off by default; a choice is saved at once, in the background.
 */
public final class IdleResetSettingModel {
    /** One choice of the list: off, or a number of minutes. */
    public record Choice(OptionalInt minutes) {
        @Override
        public String toString() {
            return minutes.isEmpty() ? UiText.get("ui.settings.idleReset.never")
                    : UiText.get("ui.settings.idleReset.minutes", minutes.getAsInt());
        }
    }

    /** The choice that never resets the demo. */
    public static final Choice NEVER = new Choice(OptionalInt.empty());

    private final IdleReset setting;
    private final Executor background;
    private final Executor fx;
    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(this, "choice", NEVER);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private boolean loading;

    public IdleResetSettingModel(IdleReset setting, Executor background, Executor fx) {
        this.setting = Objects.requireNonNull(setting, "setting");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        choice.addListener((property, before, after) -> {
            if (!loading && after != null && !after.equals(before)) {
                save(after);
            }
        });
    }

    /** The choices offered: never, then each number of minutes, with the saved one if it is another. */
    public List<Choice> choices(OptionalInt saved) {
        List<Choice> all = new ArrayList<>();
        all.add(NEVER);
        IdleReset.CHOICES.forEach(minutes -> all.add(new Choice(OptionalInt.of(minutes))));
        Choice current = new Choice(saved);
        if (!all.contains(current)) {
            all.add(current);
        }
        return all;
    }

    /** Reads the saved setting in the background; {@code loaded} hears the choices, with the saved one chosen. */
    public void load(Consumer<List<Choice>> loaded) {
        CompletableFuture.supplyAsync(setting::minutes, background).whenCompleteAsync((minutes, failure) -> {
            if (failure != null) {
                status.set(UiText.get("ui.settings.idleReset.unreadable", Failures.message(failure)));
                return;
            }
            loaded.accept(choices(minutes));
            loading = true;
            try {
                choice.set(new Choice(minutes));
            } finally {
                loading = false;
            }
        }, fx);
    }

    private void save(Choice chosen) {
        status.set("");
        CompletableFuture.runAsync(() -> setting.save(chosen.minutes()), background)
                .whenCompleteAsync((done, failure) -> status.set(failure != null
                        ? UiText.get("ui.settings.idleReset.notSaved", Failures.message(failure))
                        : chosen.minutes().isEmpty() ? UiText.get("ui.settings.idleReset.savedNever")
                                : UiText.get("ui.settings.idleReset.saved", chosen.minutes().getAsInt())),
                        fx);
    }

    /** The choice shown; the view writes it, and a change is saved. */
    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    /** What became of the last change, as a sentence; empty before one. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
