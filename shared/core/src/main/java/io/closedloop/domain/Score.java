package io.closedloop.domain;

/** A score on one of the supported scales; construction refuses a value outside the scale. */
public record Score(ScoreType type, int value) {

    public Score {
        if (type == null) {
            throw new IllegalArgumentException("score type is required");
        }
        if (!type.accepts(value)) {
            throw new IllegalArgumentException(
                    "score " + value + " is outside " + type + " " + type.min() + "–" + type.max());
        }
    }

    public Category category() {
        return Category.of(this);
    }
}
