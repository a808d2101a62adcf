package dev.onramp.ui.activity;

import dev.onramp.model.TenantId;
import dev.onramp.ui.common.Announcer;
import dev.onramp.ui.common.UiText;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The Activity window's content: filters above, the page of entries as a table, Newer and Older with
 * where the page is, and Verify and Export… with their result lines below.
 */
public final class ActivityView {
    private final BorderPane root = new BorderPane();

    /**
     * @param target asks for the export's file and format
     * @param owner  the window the export's dialog belongs to
     */
    public ActivityView(ActivityModel model, ExportTarget target, Supplier<Window> owner) {
        Objects.requireNonNull(target, "target");
        root.getStyleClass().add("activity");
        root.setId("activity");
        root.setPadding(new Insets(12));
        root.setTop(filters(model));
        root.setCenter(table(model));
        root.setBottom(footer(model, target, owner));
        // What Verify and Export found, and a filter that cannot be read, for a screen reader.
        Announcer announcer = Announcer.in(root);
        announcer.follow(model.verifyResultProperty());
        announcer.follow(model.exportResultProperty());
        announcer.follow(model.problemProperty());
    }

    private static VBox filters(ActivityModel model) {
        ComboBox<ActivityModel.Choice<TenantId>> business = new ComboBox<>(model.businesses());
        business.setId("activity-business");
        business.setAccessibleText(UiText.get("ui.activity.filter.business"));
        business.valueProperty().bindBidirectional(model.businessProperty());
        ComboBox<ActivityModel.Choice<String>> action = new ComboBox<>(model.actions());
        action.setId("activity-action");
        action.setAccessibleText(UiText.get("ui.activity.filter.action"));
        action.valueProperty().bindBidirectional(model.actionProperty());
        DatePicker from = datePicker("activity-from", model);
        from.valueProperty().bindBidirectional(model.fromProperty());
        from.setAccessibleText(UiText.get("ui.activity.filter.fromDay"));
        DatePicker to = datePicker("activity-to", model);
        to.valueProperty().bindBidirectional(model.toProperty());
        to.setAccessibleText(UiText.get("ui.activity.filter.toDay"));
        HBox row = new HBox(8, labelFor(UiText.get("ui.activity.filter.business"), business), business,
                labelFor(UiText.get("ui.activity.filter.action"), action), action,
                labelFor(UiText.get("ui.activity.filter.from"), from), from,
                labelFor(UiText.get("ui.activity.filter.to"), to), to);
        row.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("activity-problem");
        problem.getStyleClass().add("activity-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox top = new VBox(6, row, problem);
        top.setPadding(new Insets(0, 0, 8, 0));
        return top;
    }

    private static Label labelFor(String text, Node control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        return label;
    }

    /**
     * A date picker that reads a day as the window's language writes it ("Dec 7, 2026", "07.12.2026", …) or as
     * 2026-12-07, and says when it cannot read what was typed.
     */
    private static DatePicker datePicker(String id, ActivityModel model) {
        DateTimeFormatter day = new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient()
                .appendLocalized(FormatStyle.MEDIUM, null).toFormatter(UiText.locale());
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(UiText.get("ui.activity.filter.anyDay"));
        picker.setPrefWidth(140);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate value) {
                return value == null ? "" : day.format(value);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.strip(), day);
                } catch (DateTimeParseException notLikeThat) {
                    try {
                        return LocalDate.parse(text.strip());
                    } catch (DateTimeParseException e) {
                        picker.getEditor().setText(toString(picker.getValue()));
                        picker.setTooltip(new Tooltip(UiText.get("ui.activity.filter.dayUnreadable",
                                day.format(LocalDate.of(2026, 12, 7)))));
                        return picker.getValue();
                    }
                }
            }
        });
        return picker;
    }

    private static TableView<ActivityModel.Row> table(ActivityModel model) {
        TableView<ActivityModel.Row> table = new TableView<>(model.rows());
        table.setId("activity-table");
        table.setAccessibleText(UiText.get("ui.activity.table"));
        table.getColumns().add(column(UiText.get("ui.activity.column.when"), ActivityModel.Row::when, 150));
        table.getColumns().add(column(UiText.get("ui.activity.column.who"), ActivityModel.Row::who, 100));
        table.getColumns().add(column(UiText.get("ui.activity.column.business"), ActivityModel.Row::business, 140));
        table.getColumns().add(column(UiText.get("ui.activity.column.what"), ActivityModel.Row::what, 300));
        table.getColumns().add(column(UiText.get("ui.activity.column.details"), ActivityModel.Row::details, 320));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        table.setPlaceholder(new Label(UiText.get("ui.activity.table.empty")));
        table.getColumns().forEach(column -> column.setSortable(false));
        return table;
    }

    private static TableColumn<ActivityModel.Row, String> column(String title,
            Function<ActivityModel.Row, String> value, double width) {
        TableColumn<ActivityModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        // A cell too narrow for its text shows the whole of it on hover.
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        column.setPrefWidth(width);
        return column;
    }

    private static VBox footer(ActivityModel model, ExportTarget target, Supplier<Window> owner) {
        Button newer = new Button(UiText.get("ui.activity.newer"));
        newer.setId("activity-newer");
        newer.disableProperty().bind(model.hasNewerProperty().not());
        newer.setOnAction(e -> model.newer());
        Button older = new Button(UiText.get("ui.activity.older"));
        older.setId("activity-older");
        older.disableProperty().bind(model.hasOlderProperty().not());
        older.setOnAction(e -> model.older());
        Label showing = new Label();
        showing.setId("activity-showing");
        showing.textProperty().bind(model.showingProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);

        Button verify = new Button(UiText.get("ui.activity.verify"));
        verify.setId("activity-verify");
        verify.setTooltip(new Tooltip(UiText.get("ui.activity.verify.tooltip")));
        verify.disableProperty().bind(model.verifyingProperty());
        verify.setOnAction(e -> model.verify());
        Button export = new Button(UiText.get("ui.activity.export"));
        export.setId("activity-export");
        export.disableProperty().bind(model.exportingProperty().or(model.problemProperty().isNotEmpty()));
        export.setOnAction(e -> target.ask(owner.get()).ifPresent(model::export));
        HBox paging = new HBox(8, newer, older, showing, gap, verify, export);
        paging.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("activity-verify-progress");
        progress.progressProperty().bind(model.verifyProgressProperty());
        progress.setPrefWidth(160);
        Button cancel = new Button(UiText.get("ui.activity.verify.cancel"));
        cancel.setId("activity-verify-cancel");
        cancel.setOnAction(e -> model.cancelVerify());
        HBox running = new HBox(8, progress, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(model.verifyingProperty());
        running.managedProperty().bind(running.visibleProperty());
        Label verdict = new Label();
        verdict.setId("activity-verify-result");
        verdict.setWrapText(true);
        verdict.textProperty().bind(model.verifyResultProperty());
        verdict.styleProperty().bind(Bindings.when(model.verifyFailedProperty())
                .then("-fx-text-fill: #b3261e;").otherwise(""));
        HBox.setHgrow(verdict, Priority.ALWAYS);
        HBox verifyLine = new HBox(8, running, verdict);
        verifyLine.setAlignment(Pos.CENTER_LEFT);
        Label exported = new Label();
        exported.setId("activity-export-result");
        exported.setWrapText(true);
        exported.textProperty().bind(model.exportResultProperty());

        VBox footer = new VBox(6, paging, verifyLine, exported);
        footer.setPadding(new Insets(8, 0, 0, 0));
        return footer;
    }

    public Parent root() {
        return root;
    }
}
