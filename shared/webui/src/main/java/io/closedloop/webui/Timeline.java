package io.closedloop.webui;

import static io.closedloop.cases.ActivityDetails.ACTION_NAME;
import static io.closedloop.cases.ActivityDetails.CATEGORY_NAME;
import static io.closedloop.cases.ActivityDetails.CLOSES_ACTION;
import static io.closedloop.cases.ActivityDetails.COMMENT;
import static io.closedloop.cases.ActivityDetails.EXIT_STATE_NAME;
import static io.closedloop.cases.ActivityDetails.FROM;
import static io.closedloop.cases.ActivityDetails.FROM_NAME;
import static io.closedloop.cases.ActivityDetails.REASON;
import static io.closedloop.cases.ActivityDetails.STATUS_FROM;
import static io.closedloop.cases.ActivityDetails.STATUS_NAME;
import static io.closedloop.cases.ActivityDetails.STATUS_TO;
import static io.closedloop.cases.ActivityDetails.TEXT;
import static io.closedloop.cases.ActivityDetails.TO;
import static io.closedloop.cases.ActivityDetails.TO_NAME;

import io.closedloop.cases.Activity;
import io.closedloop.cases.Case;
import io.closedloop.config.Configuration;
import io.closedloop.customer.CheckIns;
import io.closedloop.customer.CustomerMessages;
import io.closedloop.config.Responder;
import io.closedloop.webui.CaseView.TimelineEntry;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The activity log in words, newest first (on a phone the latest step is what the responder looks for): who, what,
 * when, and the before/after values, comments and notes the entry holds. Names copied into the log are shown as
 * written, so the log reads the same after the plan or the responders change.
 */
public final class Timeline {

    private Timeline() {}

    public static List<TimelineEntry> entries(Case c, Configuration config, WebMessages m, DateTimeFormatter dates) {
        List<TimelineEntry> entries = new ArrayList<>(c.activities().size());
        for (Activity activity : c.activities().reversed()) {
            entries.add(entry(c, activity, config, m, dates));
        }
        return entries;
    }

    static TimelineEntry entry(Case c, Activity a, Configuration config, WebMessages m, DateTimeFormatter dates) {
        List<String> lines = new ArrayList<>();
        String what = switch (a.type()) {
            case CASE_OPENED -> {
                if (c.opening() != null && c.opening().ruleName() != null) {
                    lines.add(m.t("timeline.rule", c.opening().ruleName()));
                }
                yield m.t("timeline.CASE_OPENED");
            }
            case CASE_ASSIGNED -> a.detail(FROM) == null
                    ? m.t("timeline.CASE_ASSIGNED", name(a.detail(TO_NAME), a.detail(TO)))
                    : m.t("timeline.CASE_REASSIGNED", name(a.detail(FROM_NAME), a.detail(FROM)), name(a.detail(TO_NAME), a.detail(TO)));
            case WATCHER_ADDED -> m.t("timeline.WATCHER_ADDED");
            case ACTION_TAKEN -> {
                addIfPresent(lines, a.detail(COMMENT));
                if ("true".equals(a.detail(CLOSES_ACTION))) {
                    lines.add(m.t("timeline.actionCompleted"));
                }
                yield m.t("timeline.ACTION_TAKEN", a.detail(ACTION_NAME), a.detail(STATUS_NAME));
            }
            case NOTE_ADDED -> {
                addIfPresent(lines, a.detail(TEXT));
                yield m.t("timeline.NOTE_ADDED");
            }
            case ROOT_CAUSE_SET -> {
                if (a.detail(FROM) != null) {
                    lines.add(m.t("timeline.before", name(a.detail(FROM_NAME), a.detail(FROM))));
                }
                yield m.t("timeline.ROOT_CAUSE_SET", a.detail(CATEGORY_NAME) == null
                        ? name(a.detail(TO_NAME), a.detail(TO))
                        : a.detail(CATEGORY_NAME) + " › " + name(a.detail(TO_NAME), a.detail(TO)));
            }
            case PRIORITY_CHANGED -> m.t("timeline.PRIORITY_CHANGED", m.priority(a.detail(FROM)), m.priority(a.detail(TO)));
            case CASE_CLOSED -> {
                if (a.detail(EXIT_STATE_NAME) != null) {
                    lines.add(m.t("timeline.exitState", a.detail(EXIT_STATE_NAME)));
                }
                yield m.t("timeline.CASE_CLOSED");
            }
            case CASE_REOPENED -> {
                addIfPresent(lines, a.detail(REASON));
                yield m.t("timeline.CASE_REOPENED");
            }
            case ALERT_SENT -> CheckIns.CUSTOMER.equals(a.detail("recipientId")) ? m.t("timeline.MESSAGE_SENT")
                    : m.t("timeline.ALERT_SENT", responderName(config, a.detail("recipientId")));
            case ALERT_FAILED -> {
                String failure = a.detail("failure");
                if (failure != null && failure.startsWith("suppressed-")) {
                    lines.add(m.t("timeline.failure." + failure));
                }
                if (a.detail("retryAt") != null) {
                    lines.add(m.t("timeline.retryAt", instant(a.detail("retryAt"), dates)));
                }
                yield CheckIns.CUSTOMER.equals(a.detail("recipientId")) ? m.t("timeline.CUSTOMER_FAILED." + a.detail("alert"))
                        : m.t("timeline.ALERT_FAILED", responderName(config, a.detail("recipientId")));
            }
            case CUSTOMER_ACKNOWLEDGED -> m.t("timeline.CUSTOMER_ACKNOWLEDGED");
            case CUSTOMER_CONTACTED -> {
                addIfPresent(lines, a.detail(CustomerMessages.MESSAGE));
                if ("true".equals(a.detail(CustomerMessages.REPLACED_ACKNOWLEDGEMENT))) {
                    lines.add(m.t("timeline.replacedAcknowledgement"));
                }
                yield m.t("timeline.CUSTOMER_CONTACTED", a.detail(CustomerMessages.SUBJECT));
            }
            case CUSTOMER_ADDRESS_SUPPRESSED -> m.t("timeline.CUSTOMER_ADDRESS_SUPPRESSED." + a.detail("reason"));
            case SLA_REMINDER -> m.t("timeline.SLA_REMINDER", m.target(a.detail("target")), instant(a.detail("dueAt"), dates));
            case SLA_BREACHED -> m.t("timeline.SLA_BREACHED", m.target(a.detail("target")));
            case ESCALATED -> a.detail("recipientId") == null
                    ? m.t("timeline.ESCALATED", level(a.detail("level")))
                    : m.t("timeline.ESCALATED_TO", level(a.detail("level")), responderName(config, a.detail("recipientId")));
            case LINKS_REVOKED -> m.t("timeline.LINKS_REVOKED");
            case CHECK_IN_SENT -> m.t("timeline.CHECK_IN_SENT");
            case CHECK_IN_ANSWERED -> {
                if (a.detail(CheckIns.RESCORE) != null) {
                    lines.add(a.detail(CheckIns.SCORE_BEFORE) == null ? m.t("timeline.rescore", a.detail(CheckIns.RESCORE))
                            : m.t("timeline.rescoreFrom", a.detail(CheckIns.RESCORE), a.detail(CheckIns.SCORE_BEFORE)));
                }
                addIfPresent(lines, a.detail(CheckIns.COMMENT));
                yield m.t("true".equals(a.detail(CheckIns.RESOLVED)) ? "timeline.CHECK_IN_RESOLVED" : "timeline.CHECK_IN_UNRESOLVED");
            }
        };
        if (a.detail(STATUS_FROM) != null && a.detail(STATUS_TO) != null) {
            lines.add(m.t("timeline.status", m.status(a.detail(STATUS_FROM)), m.status(a.detail(STATUS_TO))));
        }
        return new TimelineEntry(dates.format(a.at()), actor(a.actor(), config, m), what, lines);
    }

    /** "system" is Closedloop itself, "responder:ana" the responder's name, "api:k1" an integration. */
    static String actor(String actor, Configuration config, WebMessages m) {
        if (actor == null || actor.equals("system")) {
            return m.t("actor.system");
        }
        if (actor.startsWith("responder:")) {
            return responderName(config, actor.substring("responder:".length()));
        }
        if (actor.equals(CheckIns.CUSTOMER)) {
            return m.t("actor.customer");
        }
        if (actor.startsWith("api:")) {
            return m.t("actor.api", actor.substring("api:".length()));
        }
        return actor;
    }

    static String responderName(Configuration config, String responderId) {
        if (responderId == null) {
            return "?";
        }
        return config.responder(responderId).map(Responder::name).filter(n -> !n.isBlank()).orElse(responderId);
    }

    private static String name(String name, String id) {
        return name != null ? name : id != null ? id : "?";
    }

    private static void addIfPresent(List<String> lines, String text) {
        if (text != null && !text.isBlank()) {
            lines.add(text);
        }
    }

    /** Levels are stored from 0; people count them from 1. */
    private static String level(String stored) {
        try {
            return Integer.toString(Integer.parseInt(stored) + 1);
        } catch (NumberFormatException e) {
            return "?";
        }
    }

    private static String instant(String iso, DateTimeFormatter dates) {
        if (iso == null) {
            return "?";
        }
        try {
            return dates.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
