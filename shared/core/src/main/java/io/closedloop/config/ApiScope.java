package io.closedloop.config;

/** What an API key may do. */
public enum ApiScope {
    ADMIN,
    CASES_READ,
    CASES_WRITE,
    REPORTS
}
