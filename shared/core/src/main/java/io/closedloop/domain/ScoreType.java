package io.closedloop.domain;

/** The scales a survey score can be on, with their inclusive ranges. */
public enum ScoreType {
    NPS(0, 10),
    CSAT(1, 5),
    CES(1, 7);

    private final int min;
    private final int max;

    ScoreType(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean accepts(int value) {
        return value >= min && value <= max;
    }
}
