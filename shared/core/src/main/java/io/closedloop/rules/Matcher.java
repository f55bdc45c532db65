package io.closedloop.rules;

import io.closedloop.domain.Category;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Condition semantics. {@link #test} is the hot path: no allocation apart from rare answer look-ups, indexed loops,
 * short-circuit groups. {@link #explain} runs only for conditions already known to hold and builds the human-readable
 * lines; {@link #describe} renders a condition without a response (used under Not).
 */
final class Matcher {

    private Matcher() {}

    static boolean test(Condition condition, Subject s) {
        return switch (condition) {
            case null -> false;
            case Condition.Always a -> true;
            case Condition.All all -> allHold(all.conditions(), s);
            case Condition.Any any -> firstHolding(any.conditions(), s) >= 0;
            case Condition.Not not -> not.condition() != null && !test(not.condition(), s);
            case Condition.ScoreBetween b -> scoreBetween(b, s.score);
            case Condition.CategoryIn c -> categoryIn(c, s.score);
            case Condition.Attribute a -> attribute(a, s.attribute(a.name()));
            case Condition.CommentPresent c -> commentPresent(s) == c.present();
            case Condition.TextContains t -> textContains(t, s);
        };
    }

    private static boolean allHold(List<Condition> conditions, Subject s) {
        for (int i = 0, n = conditions.size(); i < n; i++) {
            if (!test(conditions.get(i), s)) {
                return false;
            }
        }
        return true;
    }

    private static int firstHolding(List<Condition> conditions, Subject s) {
        for (int i = 0, n = conditions.size(); i < n; i++) {
            if (test(conditions.get(i), s)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean scoreBetween(Condition.ScoreBetween b, Score score) {
        if (score == null || (b.type() != null && b.type() != score.type())) {
            return false;
        }
        int v = score.value();
        return (b.min() == null || v >= b.min()) && (b.max() == null || v <= b.max());
    }

    private static boolean categoryIn(Condition.CategoryIn c, Score score) {
        if (score == null || (c.type() != null && c.type() != score.type())) {
            return false;
        }
        return c.categories().contains(score.category());
    }

    static boolean attribute(Condition.Attribute a, String value) {
        if (a.op() == null) {
            return false;
        }
        List<String> expected = a.values();
        return switch (a.op()) {
            case EXISTS -> value != null && !value.isBlank();
            case EQ -> !expected.isEmpty() && Text.sameIgnoringCase(value, expected.getFirst());
            case NE -> expected.isEmpty() || !Text.sameIgnoringCase(value, expected.getFirst());
            case IN -> in(value, expected);
            case CONTAINS -> value != null && !expected.isEmpty() && expected.getFirst() != null
                    && Text.containsIgnoringCase(value, expected.getFirst().strip());
            case GT, GTE, LT, LTE -> compare(a.op(), value, expected);
        };
    }

    private static boolean in(String value, List<String> expected) {
        if (value == null) {
            return false;
        }
        for (int i = 0, n = expected.size(); i < n; i++) {
            if (Text.sameIgnoringCase(value, expected.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean compare(AttributeOp op, String value, List<String> expected) {
        if (value == null || expected.isEmpty()) {
            return false;
        }
        double actual = Text.number(value);
        double bound = Text.number(expected.getFirst());
        if (Double.isNaN(actual) || Double.isNaN(bound)) {
            return false;
        }
        return switch (op) {
            case GT -> actual > bound;
            case GTE -> actual >= bound;
            case LT -> actual < bound;
            case LTE -> actual <= bound;
            default -> false;
        };
    }

    private static boolean commentPresent(Subject s) {
        String comment = s.response.comment();
        return comment != null && !comment.isBlank();
    }

    private static boolean textContains(Condition.TextContains t, Subject s) {
        if (t.text() == null) {
            return false;
        }
        String needle = Text.lower(t.text());
        if (Condition.TextContains.COMMENT.equals(t.field())) {
            String comment = s.lowerComment();
            return comment != null && comment.contains(needle);
        }
        String answer = answerOf(t, s);
        return answer != null && Text.lower(answer).contains(needle);
    }

    private static String answerOf(Condition.TextContains t, Subject s) {
        String field = t.field();
        if (!field.startsWith(Condition.TextContains.ANSWER_PREFIX)) {
            return null;
        }
        return s.answer(field.substring(Condition.TextContains.ANSWER_PREFIX.length()));
    }

    /** Appends why a holding condition holds; call only when {@code test(condition, s)} is true. */
    static void explain(Condition condition, Subject s, List<String> out) {
        switch (condition) {
            case null -> {}
            case Condition.Always a -> out.add("always");
            case Condition.All all -> {
                for (Condition c : all.conditions()) {
                    explain(c, s, out);
                }
            }
            case Condition.Any any -> {
                int first = firstHolding(any.conditions(), s);
                if (first >= 0) {
                    List<String> inner = new ArrayList<>(2);
                    explain(any.conditions().get(first), s, inner);
                    out.add("any of: " + String.join(" and ", inner));
                }
            }
            case Condition.Not not -> out.add(describeNegated(not.condition(), s));
            case Condition.ScoreBetween b -> out.add(scoreText(s.score) + " " + range(b.min(), b.max()));
            case Condition.CategoryIn c -> out.add(scoreText(s.score) + " is " + name(s.score.category()));
            case Condition.Attribute a -> out.add(explainAttribute(a, s.attribute(a.name())));
            case Condition.CommentPresent c -> out.add(c.present() ? "comment present" : "no comment");
            case Condition.TextContains t -> out.add(fieldName(t.field()) + " contains " + Text.quoted(t.text()));
        }
    }

    private static String describeNegated(Condition negated, Subject s) {
        String text = "not (" + describe(negated) + ")";
        return switch (negated) {
            case Condition.ScoreBetween b when s.score == null -> text + ": no score";
            case Condition.CategoryIn c when s.score == null -> text + ": no score";
            case Condition.ScoreBetween b -> text + ": " + scoreText(s.score);
            case Condition.CategoryIn c -> text + ": " + scoreText(s.score) + " is " + name(s.score.category());
            case Condition.Attribute a -> text + ": " + a.name() + " is " + Text.shown(s.attribute(a.name()));
            case null, default -> text;
        };
    }

    private static String explainAttribute(Condition.Attribute a, String value) {
        String name = "attribute " + a.name();
        String first = a.values().isEmpty() ? null : a.values().getFirst();
        return switch (a.op()) {
            case EXISTS -> name + " present: " + Text.shown(value);
            case EQ -> name + " = " + Text.shown(value);
            case NE -> name + " " + Text.shown(value) + " ≠ " + Text.shown(first);
            case IN -> name + " " + Text.shown(value) + " in " + list(a.values());
            case CONTAINS -> name + " " + Text.quoted(value) + " contains " + Text.quoted(first);
            case GT, GTE, LT, LTE -> name + " " + Text.shown(value) + " " + symbol(a.op()) + " " + Text.shown(first);
        };
    }

    /** A condition as text, independent of any response. */
    static String describe(Condition condition) {
        return switch (condition) {
            case null -> "(missing condition)";
            case Condition.Always a -> "always";
            case Condition.All all -> "all of: " + describeEach(all.conditions());
            case Condition.Any any -> "any of: " + describeEach(any.conditions());
            case Condition.Not not -> "not (" + describe(not.condition()) + ")";
            case Condition.ScoreBetween b -> scale(b.type()) + "score " + range(b.min(), b.max());
            case Condition.CategoryIn c -> scale(c.type()) + "category in " + categories(c);
            case Condition.Attribute a -> describeAttribute(a);
            case Condition.CommentPresent c -> c.present() ? "comment present" : "no comment";
            case Condition.TextContains t -> fieldName(t.field()) + " contains " + Text.quoted(t.text());
        };
    }

    private static String describeEach(List<Condition> conditions) {
        StringBuilder text = new StringBuilder();
        for (Condition c : conditions) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            boolean group = c instanceof Condition.All || c instanceof Condition.Any;
            text.append(group ? "(" : "").append(describe(c)).append(group ? ")" : "");
        }
        return text.toString();
    }

    private static String describeAttribute(Condition.Attribute a) {
        String name = "attribute " + a.name();
        String first = a.values().isEmpty() ? null : a.values().getFirst();
        if (a.op() == null) {
            return name + " (no operator)";
        }
        return switch (a.op()) {
            case EXISTS -> name + " present";
            case EQ -> name + " = " + Text.shown(first);
            case NE -> name + " ≠ " + Text.shown(first);
            case IN -> name + " in " + list(a.values());
            case CONTAINS -> name + " contains " + Text.quoted(first);
            case GT, GTE, LT, LTE -> name + " " + symbol(a.op()) + " " + Text.shown(first);
        };
    }

    private static String scoreText(Score score) {
        return "score " + score.value() + " (" + score.type() + ")";
    }

    private static String scale(ScoreType type) {
        return type == null ? "" : type + " ";
    }

    private static String range(Integer min, Integer max) {
        if (min != null && max != null) {
            return "in " + min + "–" + max;
        }
        if (min != null) {
            return "≥ " + min;
        }
        return max != null ? "≤ " + max : "present";
    }

    private static String categories(Condition.CategoryIn c) {
        StringBuilder text = new StringBuilder("[");
        for (Category category : c.categories()) {
            text.append(text.length() > 1 ? ", " : "").append(name(category));
        }
        return text.append(']').toString();
    }

    private static String name(Category category) {
        return category == null ? "(missing)" : category.name().toLowerCase(Locale.ROOT);
    }

    private static String list(List<String> values) {
        StringBuilder text = new StringBuilder("[");
        for (String v : values) {
            text.append(text.length() > 1 ? ", " : "").append(Text.shown(v));
        }
        return text.append(']').toString();
    }

    private static String fieldName(String field) {
        if (field != null && field.startsWith(Condition.TextContains.ANSWER_PREFIX)) {
            return "answer " + field.substring(Condition.TextContains.ANSWER_PREFIX.length());
        }
        return Condition.TextContains.COMMENT.equals(field) ? "comment" : String.valueOf(field);
    }

    private static String symbol(AttributeOp op) {
        return switch (op) {
            case GT -> ">";
            case GTE -> "≥";
            case LT -> "<";
            case LTE -> "≤";
            default -> op.name();
        };
    }
}
