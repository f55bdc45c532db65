package io.closedloop.config;

/** Whether an SLA target counts every hour or only the working hours of a business calendar. */
public enum TimeBasis {
    CALENDAR,
    BUSINESS
}
