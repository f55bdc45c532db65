package io.closedloop.rules;

/** Comparisons on a response attribute. */
public enum AttributeOp {
    EQ,
    NE,
    IN,
    CONTAINS,
    EXISTS,
    GT,
    GTE,
    LT,
    LTE
}
