package io.closedloop.config;

/** Case priority, lowest first. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
