import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoublePredicate;

/**
 * One line of the benchmark table: what was measured, the figure (absent, with the reason, when it
 * could not be measured), and the goal it is held against (absent for reference figures).
 */
record Row(String what, Optional<String> figure, Optional<String> goal, Optional<Boolean> met, String note) {

    /** A figure held against a goal. */
    static Row measured(String what, double value, String unit, String goal, DoublePredicate meets, String note) {
        return new Row(what, Optional.of(format(value, unit)), Optional.of(goal), Optional.of(meets.test(value)), note);
    }

    /** A figure given for reference, with no goal of its own. */
    static Row reference(String what, double value, String unit, String note) {
        return new Row(what, Optional.of(format(value, unit)), Optional.empty(), Optional.empty(), note);
    }

    /** A figure that could not be measured, and why. */
    static Row unmeasured(String what, String goal, String why) {
        return new Row(what, Optional.empty(), Optional.of(goal), Optional.empty(), why);
    }

    String figureText() {
        return figure.orElse("not measured");
    }

    String goalText() {
        return goal.orElse("");
    }

    String verdict() {
        return met.map(ok -> ok ? "met" : "missed").orElse(goal.isPresent() ? "?" : "");
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(double value, String unit) {
        String pattern = switch (unit) {
            case "ms" -> "%.0f ms";
            case "×" -> "%.2f×";
            default -> "%.1f " + unit;
        };
        return String.format(Locale.ROOT, pattern, value);
    }
}
