package io.closedloop.config;

/** Whether completing an action closes the action plan (seed 000, "Close the plan" and "mode"). */
public enum ClosesPlan {
    NO,
    YES,
    OPERATOR_CHOOSES
}
