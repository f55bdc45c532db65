package io.closedloop.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.closedloop.domain.Category;
import io.closedloop.domain.ScoreType;
import java.util.List;
import java.util.Set;

/**
 * A condition on a response; groups nest with All (AND), Any (OR) and Not. In JSON each condition names its
 * {@code type}: always, all, any, not, score, category, attribute, comment, text.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Condition.Always.class, name = "always"),
    @JsonSubTypes.Type(value = Condition.All.class, name = "all"),
    @JsonSubTypes.Type(value = Condition.Any.class, name = "any"),
    @JsonSubTypes.Type(value = Condition.Not.class, name = "not"),
    @JsonSubTypes.Type(value = Condition.ScoreBetween.class, name = "score"),
    @JsonSubTypes.Type(value = Condition.CategoryIn.class, name = "category"),
    @JsonSubTypes.Type(value = Condition.Attribute.class, name = "attribute"),
    @JsonSubTypes.Type(value = Condition.CommentPresent.class, name = "comment"),
    @JsonSubTypes.Type(value = Condition.TextContains.class, name = "text")
})
public sealed interface Condition {

    /** True for every response. */
    record Always() implements Condition {}

    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    record Not(Condition condition) implements Condition {}

    /** Score within [min, max] (either bound may be null), optionally only on one scale. */
    record ScoreBetween(ScoreType type, Integer min, Integer max) implements Condition {}

    /** The score's category is one of these, optionally only on one scale. */
    record CategoryIn(ScoreType type, Set<Category> categories) implements Condition {
        public CategoryIn {
            categories = Set.copyOf(categories);
        }
    }

    /** A test on a response attribute (country, store, segment, account value…). */
    record Attribute(String name, AttributeOp op, List<String> values) implements Condition {
        public Attribute {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** The response has (or has not) a non-blank comment. */
    record CommentPresent(boolean present) implements Condition {}

    /**
     * Text search, case-insensitive, in the comment ({@code field} = "comment") or in an answer
     * ({@code field} = "answer:&lt;question id&gt;").
     */
    record TextContains(String field, String text) implements Condition {}
}
