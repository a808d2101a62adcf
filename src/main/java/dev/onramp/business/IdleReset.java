package dev.onramp.business;

import dev.onramp.model.InvalidInputException;
import dev.onramp.store.AppSettingRepository;
import dev.onramp.store.AuditLog;
import dev.onramp.store.Database;
import dev.onramp.store.RedirectRepository;
import dev.onramp.text.Text;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether, and after how many minutes without input, the window resets the demo (a trade-show kiosk's
 * setting for the whole app, off by default); a change is audited.
 */
public final class IdleReset {
    /** The minutes a person can choose from. */
    public static final List<Integer> CHOICES = List.of(5, 10, 15, 30);

    private static final String NAME = "idle_reset_minutes";
    private static final int MAX_MINUTES = 24 * 60;

    private final Database db;
    private final AppSettingRepository settings;
    private final AuditLog audit;
    private final String actor;

    public IdleReset(Database db, AppSettingRepository settings, AuditLog audit, String actor) {
        this.db = db;
        this.settings = settings;
        this.audit = audit;
        this.actor = actor;
    }

    /** The minutes without input after which the demo resets; empty when it never does (the default). */
    public OptionalInt minutes() {
        Optional<String> saved = settings.find(NAME);
        if (saved.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int minutes = Integer.parseInt(saved.get().strip());
            return minutes >= 1 && minutes <= MAX_MINUTES ? OptionalInt.of(minutes) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Saves the minutes (empty: off), audited; a number of minutes out of 1 to a day is refused in a sentence. */
    public void save(OptionalInt minutes) {
        minutes.ifPresent(value -> {
            if (value < 1 || value > MAX_MINUTES) {
                throw new InvalidInputException(Text.of("business.idleReset.outOfRange", MAX_MINUTES, value));
            }
        });
        if (minutes().equals(minutes)) {
            return;
        }
        db.inTransaction(tx -> {
            if (minutes.isPresent()) {
                settings.save(tx, NAME, Integer.toString(minutes.getAsInt()));
            } else {
                settings.delete(tx, NAME);
            }
            audit.append(tx, RedirectRepository.EVERY_BUSINESS, actor, "settings.idle-reset-changed", "every-business",
                    "idle_reset=" + (minutes.isPresent() ? minutes.getAsInt() + "min" : "off"));
            return null;
        });
    }
}
