package dev.onramp.ui.hub;

import dev.onramp.connect.DemoReset;
import dev.onramp.ui.common.UiText;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The kiosk's idle reset: after the chosen minutes without input a countdown of {@link #COUNTDOWN} starts, any
 * input cancels it, and at 0 the demo is reset. Time comes in from outside ({@link #tick}, {@link #input}), so
 * a test drives it with a fake clock; call it on the FX thread only.
 */
public final class IdleResetModel {
    /** How long the countdown lasts before the demo resets. */
    public static final Duration COUNTDOWN = Duration.ofSeconds(30);

    private final Consumer<Consumer<DemoReset.Outcome>> reset;
    private final Duration minute;
    private OptionalInt minutes = OptionalInt.empty();
    private Instant lastInput;
    private Instant lastTick;
    private Optional<Instant> deadline = Optional.empty();
    private boolean resetting;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /**
     * @param reset  resets the demo and tells the consumer how it ended (on the FX thread)
     * @param minute how long a minute of the setting lasts: a minute, but shorter in a test or a screenshot
     * @param now    the time the window opened, from when the first idle minutes count
     */
    public IdleResetModel(Consumer<Consumer<DemoReset.Outcome>> reset, Duration minute, Instant now) {
        this.reset = Objects.requireNonNull(reset, "reset");
        this.minute = Objects.requireNonNull(minute, "minute");
        this.lastInput = Objects.requireNonNull(now, "now");
        this.lastTick = now;
    }

    /** The minutes without input after which the countdown starts; empty: never (a countdown shown goes). */
    public void setMinutes(OptionalInt minutes) {
        this.minutes = Objects.requireNonNull(minutes, "minutes");
        if (minutes.isEmpty() && !resetting) {
            hide();
        }
    }

    /** Someone pressed a key, moved or clicked the mouse, scrolled or touched: the countdown, if any, goes. */
    public void input(Instant now) {
        lastInput = now;
        if (!resetting) {
            hide();
        }
    }

    /** Time passes: starts the countdown once idle long enough, counts it down, and resets at 0. */
    public void tick(Instant now) {
        lastTick = now;
        if (resetting || minutes.isEmpty()) {
            return;
        }
        if (deadline.isEmpty()) {
            if (!now.isBefore(lastInput.plus(minute.multipliedBy(minutes.getAsInt())))) {
                deadline = Optional.of(now.plus(COUNTDOWN));
                count(now);
                shown.set(true);
            }
            return;
        }
        if (!now.isBefore(deadline.get())) {
            resetting = true;
            message.set(UiText.get("ui.hub.demoReset.resetting"));
            reset.accept(this::ended);
        } else {
            count(now);
        }
    }

    private void count(Instant now) {
        long left = (Duration.between(now, deadline.orElseThrow()).toMillis() + 999) / 1000;
        int n = minutes.orElseThrow();
        message.set(UiText.get("ui.hub.idleReset.countdown", n, left));
    }

    /** The reset ended: the idle minutes count afresh from now; a refusal is said until the next input. */
    private void ended(DemoReset.Outcome outcome) {
        resetting = false;
        lastInput = lastTick;
        deadline = Optional.empty();
        if (outcome instanceof DemoReset.Outcome.NotReset refused) {
            message.set(UiText.get("ui.hub.idleReset.notReset", refused.message()));
            shown.set(true);
        } else {
            hide();
        }
    }

    private void hide() {
        deadline = Optional.empty();
        shown.set(false);
        message.set("");
    }

    /** True while the countdown, the reset or why it was refused is shown over the hub. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** What the overlay says, e.g. "No one has used Onramp for 5 minutes. The demo resets in 30 s — …". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
