package io.closedloop.config;

/** When a campaign's customers are asked, after their case closes, whether their issue was resolved. */
public enum CheckInPolicy {
    /** Never (the default). */
    NEVER,
    /** After every close. */
    ALWAYS,
    /** Only when the plan closed with an exit state marked resolved. */
    WHEN_RESOLVED
}
