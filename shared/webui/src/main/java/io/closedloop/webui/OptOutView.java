package io.closedloop.webui;

/**
 * The customer's "no more emails" page ({@code /u/<token>}): one button. The GET only shows it, so a mail scanner that
 * follows the link unsubscribes nobody; the button's POST (or a mail client's RFC 8058 one-click POST) applies it.
 *
 * @param action where the form posts (the same address)
 */
public record OptOutView(WebMessages m, String action) {}
