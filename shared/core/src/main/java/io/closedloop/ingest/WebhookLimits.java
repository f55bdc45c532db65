package io.closedloop.ingest;

import java.time.Duration;

/**
 * Size limits on what a delivery may carry. Identifiers that are too long are refused; text that is too long is
 * truncated with an ellipsis, so no feedback is lost to a limit.
 */
public final class WebhookLimits {

    /** Largest body the caller accepts (checked by the caller, before verification). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Response ids: 1–128 characters of {@code A–Z a–z 0–9 . _ : @ -}. */
    public static final int MAX_ID_CHARS = 128;
    /** Question ids, attribute names and other map keys. */
    public static final int MAX_KEY_CHARS = 200;
    public static final int MAX_ANSWERS = 200;
    public static final int MAX_ATTRIBUTES = 100;
    /** The comment; longer is truncated. */
    public static final int MAX_COMMENT_CHARS = 8_000;
    /** Each answer and attribute value; longer is truncated. */
    public static final int MAX_VALUE_CHARS = 2_000;
    /** Each respondent field (id, email, name, phone, locale); longer is truncated. */
    public static final int MAX_RESPONDENT_CHARS = 512;
    /** Standard Webhooks replay window, both ways. */
    public static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
    /** Submitted times later than now plus this are refused (a provider's clock is never a day ahead). */
    public static final Duration MAX_FUTURE_SUBMISSION = Duration.ofDays(1);

    private WebhookLimits() {}
}
