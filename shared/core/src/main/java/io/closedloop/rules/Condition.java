package io.closedloop.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
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

    /** Every condition holds (AND); an empty group is refused by validation. */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = Copies.list(conditions);
        }
    }

    /** At least one condition holds (OR); an empty group is refused by validation. */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = Copies.list(conditions);
        }
    }

    /** The condition does not hold; a response without a score satisfies {@code Not} of a score condition. */
    record Not(Condition condition) implements Condition {}

    /**
     * Score within [min, max] (either bound may be null), optionally only on one scale. In JSON the scale is
     * {@code scale}: {@code type} is taken by the condition's own type name.
     */
    record ScoreBetween(@JsonProperty("scale") ScoreType type, Integer min, Integer max) implements Condition {}

    /** The score's category is one of these, optionally only on one scale ({@code scale} in JSON). */
    record CategoryIn(@JsonProperty("scale") ScoreType type, Set<Category> categories) implements Condition {
        public CategoryIn {
            categories = Copies.set(categories);
        }
    }

    /** A test on a response attribute (country, store, segment, account value…). */
    record Attribute(String name, AttributeOp op, List<String> values) implements Condition {
        public Attribute {
            values = Copies.list(values);
        }
    }

    /** The response has (or, with {@code present} false, has not) a non-blank comment; {@code present} defaults to true. */
    record CommentPresent(Boolean present) implements Condition {
        public CommentPresent {
            present = present == null ? Boolean.TRUE : present;
        }
    }

    /**
     * Text search, case-insensitive, in the comment ({@code field} = "comment") or in an answer
     * ({@code field} = "answer:&lt;question id&gt;"); {@code field} defaults to "comment".
     */
    record TextContains(String field, String text) implements Condition {
        public static final String COMMENT = "comment";
        public static final String ANSWER_PREFIX = "answer:";

        public TextContains {
            field = field == null ? COMMENT : field;
        }
    }
}
