package dev.onramp.ui.activity;

import dev.onramp.diagnostics.ActivityService;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.TenantId;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Activity window's state: the filters, the page of entries shown and where it is in the whole,
 * the chain check with its progress, and the export's result. Every service call runs on
 * {@code background}; its result comes back on {@code fx}, where every method here must be called.
 */
public final class ActivityModel {
    /** How many entries a page shows. */
    public static final int PAGE_SIZE = 200;

    private final ActivityService activity;
    private final Executor background;
    private final Executor fx;
    private final ZoneId zone;

    private final ObservableList<Choice<TenantId>> businesses = FXCollections.observableArrayList();
    private final ObservableList<Choice<String>> actions = FXCollections.observableArrayList();
    private final ObjectProperty<Choice<TenantId>> business = new SimpleObjectProperty<>(this, "business",
            Choice.all(UiText.get("ui.activity.filter.allBusinesses")));
    private final ObjectProperty<Choice<String>> action = new SimpleObjectProperty<>(this, "action",
            Choice.all(UiText.get("ui.activity.filter.allActions")));
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper showing = new ReadOnlyStringWrapper(this, "showing",
            UiText.get("ui.activity.loading"));
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper hasNewer = new ReadOnlyBooleanWrapper(this, "hasNewer");
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper(this, "hasOlder");

    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper(this, "verifying");
    private final ReadOnlyDoubleWrapper verifyProgress = new ReadOnlyDoubleWrapper(this, "verifyProgress");
    private final ReadOnlyStringWrapper verifyResult = new ReadOnlyStringWrapper(this, "verifyResult", "");
    private final ReadOnlyBooleanWrapper verifyFailed = new ReadOnlyBooleanWrapper(this, "verifyFailed");
    private AtomicBoolean verifyCancelled = new AtomicBoolean();

    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyStringWrapper exportResult = new ReadOnlyStringWrapper(this, "exportResult", "");

    private long offset;
    /** Counts the loads asked for, so that only the answer to the latest is shown. */
    private long generation;

    /** A filter's choice: its label and the value it narrows to, none for "All". */
    public record Choice<T>(String label, Optional<T> value) {
        static <T> Choice<T> all(String label) {
            return new Choice<>(label, Optional.empty());
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One entry as the table shows it. */
    public record Row(long seq, String when, String who, String business, String what, String details) {}

    public ActivityModel(ActivityService activity, Executor background, Executor fx, ZoneId zone) {
        this.activity = Objects.requireNonNull(activity, "activity");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.zone = Objects.requireNonNull(zone, "zone");
        businesses.add(business.get());
        actions.add(action.get());
    }

    /**
     * What the filters let through, by value rather than by label, so that a window built again in another
     * language can choose the same: a business, an action, the first and the last day (null for no bound).
     */
    public record Filters(Optional<TenantId> business, Optional<String> action, LocalDate from, LocalDate to) {
        /** Every entry, or those of the business {@code shown} (the one the hub shows). */
        public static Filters of(Optional<TenantId> shown) {
            return new Filters(shown, Optional.empty(), null, null);
        }
    }

    /**
     * Loads the filters' choices, selects {@code shown} (the business the hub shows) when it is among
     * them, and then the newest page; a change of a filter loads the newest page again.
     */
    public void activate(Optional<TenantId> shown) {
        activate(Filters.of(shown));
    }

    /**
     * Loads the filters' choices, chooses {@code chosen}'s business and action where they are among them and its
     * days, and then the newest page; a change of a filter loads the newest page again.
     */
    public void activate(Filters chosen) {
        from.set(chosen.from());
        to.set(chosen.to());
        CompletableFuture.supplyAsync(() -> new Options(activity.businesses(), activity.actions()), background)
                .whenCompleteAsync((options, failure) -> {
                    if (failure != null) {
                        problem.set(UiText.get("ui.activity.unreadable", Failures.message(failure)));
                        showing.set("");
                        return;
                    }
                    options.businesses().forEach(each -> businesses.add(new Choice<>(each.name(),
                            Optional.of(each.id()))));
                    options.actions().forEach(each -> actions.add(new Choice<>(ActionWords.of(each),
                            Optional.of(each))));
                    choose(businesses, chosen.business(), business::set);
                    choose(actions, chosen.action(), action::set);
                    business.addListener((o, was, now) -> firstPage());
                    action.addListener((o, was, now) -> firstPage());
                    from.addListener((o, was, now) -> firstPage());
                    to.addListener((o, was, now) -> firstPage());
                    firstPage();
                }, fx);
    }

    /** What the filters are set to now. */
    public Filters filters() {
        return new Filters(business.get() == null ? Optional.empty() : business.get().value(),
                action.get() == null ? Optional.empty() : action.get().value(), from.get(), to.get());
    }

    private static <T> void choose(List<Choice<T>> choices, Optional<T> value, Consumer<Choice<T>> set) {
        choices.stream().filter(choice -> choice.value().isPresent() && choice.value().equals(value))
                .findFirst().ifPresent(set);
    }

    /** Shows the newest page of the entries the filters let through. */
    public void firstPage() {
        load(0);
    }

    /** Shows the page of newer entries, before the one shown. */
    public void newer() {
        if (hasNewer.get()) {
            load(Math.max(0, offset - PAGE_SIZE));
        }
    }

    /** Shows the page of older entries, after the one shown. */
    public void older() {
        if (hasOlder.get()) {
            load(offset + PAGE_SIZE);
        }
    }

    /** Checks the audit trail's chain, as {@code onramp audit verify} does; ignored while a check runs. */
    public void verify() {
        if (verifying.get()) {
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        verifyCancelled = cancelled;
        verifying.set(true);
        verifyProgress.set(0);
        verifyFailed.set(false);
        verifyResult.set(UiText.get("ui.activity.verify.started"));
        CompletableFuture.supplyAsync(() -> activity.verify((checked, total) -> {
            fx.execute(() -> {
                if (!cancelled.get()) {
                    verifyProgress.set(total == 0 ? 1 : (double) checked / total);
                    verifyResult.set(UiText.get("ui.activity.verify.progress", checked, total));
                }
            });
            return !cancelled.get();
        }), background).whenCompleteAsync((verdict, failure) -> {
            verifying.set(false);
            if (failure == null) {
                verifyFailed.set(!verdict.intact());
                verifyResult.set(UiText.render(verdict.text()));
            } else if (unwrap(failure) instanceof CancellationException) {
                verifyResult.set(UiText.get("ui.activity.verify.cancelled"));
            } else {
                verifyFailed.set(true);
                verifyResult.set(UiText.get("ui.activity.verify.failed", Failures.message(failure)));
            }
        }, fx);
    }

    /** Stops the chain check under way. */
    public void cancelVerify() {
        verifyCancelled.set(true);
    }

    /** Writes the entries the filters let through to {@code choice}'s file, oldest first. */
    public void export(ExportTarget.Choice choice) {
        Optional<ActivityService.Filter> filter = filter();
        if (filter.isEmpty() || exporting.get()) {
            return;
        }
        exporting.set(true);
        exportResult.set(UiText.get("ui.activity.exporting", choice.file().toString()));
        CompletableFuture.supplyAsync(() -> activity.export(filter.get(), choice.format(), choice.file()), background)
                .whenCompleteAsync((exported, failure) -> {
                    exporting.set(false);
                    exportResult.set(failure == null ? UiText.render(exported.text()) : Failures.message(failure));
                }, fx);
    }

    private void load(long from) {
        Optional<ActivityService.Filter> filter = filter();
        long asked = ++generation;
        if (filter.isEmpty()) {
            rows.clear();
            showing.set("");
            hasNewer.set(false);
            hasOlder.set(false);
            return;
        }
        problem.set("");
        showing.set(UiText.get("ui.activity.loading"));
        ActivityService.PageRequest request = new ActivityService.PageRequest(from, PAGE_SIZE);
        CompletableFuture.supplyAsync(() -> activity.page(filter.get(), request), background)
                .whenCompleteAsync((page, failure) -> {
                    if (asked != generation) {
                        return; // a later filter or page was asked for meanwhile
                    }
                    if (failure != null) {
                        problem.set(UiText.get("ui.activity.unreadable", Failures.message(failure)));
                        showing.set("");
                        return;
                    }
                    show(page);
                }, fx);
    }

    private void show(ActivityService.Page page) {
        offset = page.offset();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(UiText.locale())
                .withZone(zone);
        List<Row> shown = new ArrayList<>(page.entries().size());
        for (ActivityService.Entry entry : page.entries()) {
            shown.add(new Row(entry.seq(), when.format(entry.at()), entry.actor(), entry.business(),
                    ActionWords.of(entry.action()), entry.details()));
        }
        rows.setAll(shown);
        hasNewer.set(offset > 0);
        hasOlder.set(offset + shown.size() < page.total());
        showing.set(page.total() == 0 ? UiText.get("ui.activity.showing.none")
                : shown.isEmpty() ? UiText.get("ui.activity.showing.pastTheEnd", page.total())
                : UiText.get("ui.activity.showing", offset + 1, offset + shown.size(), page.total()));
    }

    /** The filters as the service takes them, or empty with the reason in {@link #problemProperty()}. */
    private Optional<ActivityService.Filter> filter() {
        try {
            return Optional.of(new ActivityService.Filter(business.get().value(), action.get().value(),
                    Optional.ofNullable(from.get()), Optional.ofNullable(to.get())));
        } catch (InvalidInputException e) {
            problem.set(e.getMessage());
            return Optional.empty();
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof CancellationException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private record Options(List<ActivityService.Business> businesses, List<String> actions) {}

    public ObservableList<Choice<TenantId>> businesses() {
        return businesses;
    }

    public ObservableList<Choice<String>> actions() {
        return actions;
    }

    public ObjectProperty<Choice<TenantId>> businessProperty() {
        return business;
    }

    public ObjectProperty<Choice<String>> actionProperty() {
        return action;
    }

    /** The first day whose entries are shown; null for no bound. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** The last day whose entries are shown; null for no bound. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The entries of the page shown, newest first. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** Where the page is in the whole, e.g. "Showing 1–200 of 104,512". */
    public ReadOnlyStringProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** Why no page is shown (a "from" after the "to", a database that could not be read); empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNewerProperty() {
        return hasNewer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasOlderProperty() {
        return hasOlder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifyingProperty() {
        return verifying.getReadOnlyProperty();
    }

    /** How far the chain check has come, 0 to 1. */
    public ReadOnlyDoubleProperty verifyProgressProperty() {
        return verifyProgress.getReadOnlyProperty();
    }

    /** The chain check's progress, then its result in words; empty before the first check. */
    public ReadOnlyStringProperty verifyResultProperty() {
        return verifyResult.getReadOnlyProperty();
    }

    /** True when the last check found the trail changed, unprotected or unreadable. */
    public ReadOnlyBooleanProperty verifyFailedProperty() {
        return verifyFailed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** The last export's result, or why it failed; empty before the first. */
    public ReadOnlyStringProperty exportResultProperty() {
        return exportResult.getReadOnlyProperty();
    }
}
