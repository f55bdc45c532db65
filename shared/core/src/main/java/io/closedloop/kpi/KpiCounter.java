package io.closedloop.kpi;

/**
 * The names of the counters kept per campaign and day (and in the campaign's totals item). Names are short because
 * every item carries them; they are DynamoDB attribute names, always passed through ExpressionAttributeNames, so
 * they may hold any character. Breakdown names are {@code <dimension>#<id>#<counter>}: the id may itself contain
 * {@code #}, since it is read between the first and the last one.
 */
public final class KpiCounter {

    /** Responses received (counted once, on insert). */
    public static final String RESPONSES = "resp";
    /** Responses per category, every scale (NPS, CSAT, CES). */
    public static final String DETRACTORS = "det";
    public static final String PASSIVES = "pas";
    public static final String PROMOTERS = "pro";
    /** NPS-scale responses with a score, and their detractors and promoters: NPS = (nPro − nDet) / nps × 100. */
    public static final String NPS_RESPONSES = "nps";
    public static final String NPS_DETRACTORS = "nDet";
    public static final String NPS_PROMOTERS = "nPro";

    public static final String OPENED = "opn";
    /** Every close, first or after a reopen. */
    public static final String CLOSED = "cls";
    /** First closes only (the case had never been reopened). */
    public static final String FIRST_CLOSED = "cls1";
    public static final String REOPENED = "reo";
    /** First reopens only: first closes that did not hold. */
    public static final String FIRST_REOPENED = "reo1";

    /** First responses recorded, and those before the first-response deadline. */
    public static final String FIRST_RESPONSES = "fr";
    public static final String FIRST_RESPONSE_IN_TARGET = "frIn";
    /** Closes before the resolution deadline of their cycle. */
    public static final String RESOLVED_IN_TARGET = "resIn";
    /** First closes before the first cycle's resolution deadline. */
    public static final String FIRST_RESOLVED_IN_TARGET = "res1In";
    /** Closes within the campaign goal's duration from opening (e.g. 24 h). */
    public static final String RESOLVED_IN_GOAL = "goalIn";

    public static final String FIRST_RESPONSE_BREACHES = "brFr";
    public static final String RESOLUTION_BREACHES = "brRes";
    /** Breaches of either target, in the assignee and team breakdowns. */
    public static final String BREACHES = "br";

    /** The check-in after a close (docs/customer-loop.md): sent, answered, answered "resolved", reopened by the answer. */
    public static final String CHECK_INS_SENT = "ciS";
    public static final String CHECK_INS_ANSWERED = "ciA";
    public static final String RECOVERED = "ciY";
    public static final String REOPENED_BY_CUSTOMER = "ciReo";
    /** Detractors who gave a new score, the sum of (new − old), and how many of them are now passive or promoter. */
    public static final String RESCORED_DETRACTORS = "ciRs";
    public static final String RESCORE_DELTA_SUM = "ciRsD";
    public static final String DETRACTORS_NOW_PASSIVE = "ciPas";
    public static final String DETRACTORS_NOW_PROMOTER = "ciPro";

    /** What the customer heard from us: acknowledgements sent (with a case or without), messages written by responders. */
    public static final String ACKNOWLEDGED = "ack";
    public static final String CUSTOMER_MESSAGES = "msg";

    /** In the totals item only: cases open now (+1 on open and reopen, −1 on close). */
    public static final String OPEN_NOW = "opnNow";

    /** Histogram prefixes: one counter per {@link TimeBuckets} bucket, e.g. {@code hFr#4h}. */
    public static final String FIRST_RESPONSE_HISTOGRAM = "hFr";
    public static final String CLOSE_HISTOGRAM = "hCl";

    /** Breakdown dimensions. */
    public static final String ASSIGNEE = "a";
    public static final String TEAM = "t";
    public static final String ROOT_CAUSE = "rc";
    /** The rule that opened the case; only the check-in counters are kept by rule. */
    public static final String RULE = "r";

    /** The id counted when a case has no assignee, team or root cause. */
    public static final String NONE = "-";

    private KpiCounter() {}

    /** A breakdown counter, e.g. {@code a#ana#cls}. */
    public static String of(String dimension, String id, String counter) {
        return dimension + "#" + (id == null || id.isEmpty() ? NONE : id) + "#" + counter;
    }

    /** A histogram counter, e.g. {@code hCl#24h}. */
    public static String histogram(String prefix, TimeBuckets.Bucket bucket) {
        return prefix + "#" + bucket.label();
    }

    /** A breakdown counter's parts, or null when {@code name} is not one of {@code dimension}. */
    public static Breakdown parse(String dimension, String name) {
        String prefix = dimension + "#";
        int last = name.lastIndexOf('#');
        if (!name.startsWith(prefix) || last < prefix.length()) {
            return null;
        }
        return new Breakdown(name.substring(prefix.length(), last), name.substring(last + 1));
    }

    /** The id and counter of a breakdown counter name. */
    public record Breakdown(String id, String counter) {}
}
