package io.closedloop.webui;

/**
 * The customer's check-in form ({@code /k/<token>}): one question, an optional re-score and comment. Customers have
 * no session: the signed link in the address is the form's only credential, and only the first answer counts.
 *
 * @param action where the form posts (the same address)
 * @param error what was wrong with the last answer, or null
 */
public record CheckInView(WebMessages m, String action, String firstName, String error) {}
