package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.s;

import io.closedloop.cases.Case;
import io.closedloop.cases.CaseStatus;
import io.closedloop.config.Priority;
import io.closedloop.domain.Category;
import io.closedloop.domain.Respondent;
import io.closedloop.queue.Lane;
import io.closedloop.queue.QueueRow;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A case's work-queue index entries (docs/console.md, "Index entries"): {@code gsi4} under its team, every case;
 * {@code gsi5} under its assignee or as unassigned under its team, open cases only. Open entries sort breached first,
 * then by the nearest running deadline; closed ones by closing time (the key is the only copy of both). The row's
 * attributes ride along (projected), so a list never loads a case.
 */
final class QueueEntry {

    static final String TEAM = "tm";
    static final String CUSTOMER = "cus";
    static final String EXCERPT = "exc";
    static final String SEARCH = "srch";
    static final String CATEGORY = "cat";

    static final String OPEN_PREFIX = "O#";
    static final String BREACHED_PREFIX = "O#0#";
    static final String NOT_BREACHED_PREFIX = "O#1#";
    static final String CLOSED_PREFIX = "C#";
    /** The deadline part of an open case with none: after every real one. */
    static final long NO_DEADLINE = 999_999_999_999L;
    static final int EXCERPT_WORDS = 12;
    static final int EXCERPT_CHARS = 140;
    static final int SEARCH_CHARS = 300;

    private QueueEntry() {}

    /** Adds the queue attributes of {@code c} to its item. */
    static void addTo(Map<String, AttributeValue> item, Case c) {
        item.put(Table.GSI4PK, s(partition(new Lane.Team(c.teamId()))));
        item.put(Table.GSI4SK, s(c.isClosed() ? closedSort(c) : openSort(c)));
        if (!c.isClosed()) {
            Lane owner = c.assigneeId() == null ? new Lane.Unassigned(c.teamId()) : new Lane.Assignee(c.assigneeId());
            item.put(Table.GSI5PK, s(partition(owner)));
            item.put(Table.GSI5SK, s(openSort(c)));
        }
        if (c.teamId() != null) {
            item.put(TEAM, s(c.teamId()));
        }
        Respondent who = c.response().respondent();
        String customer = who.name() != null && !who.name().isBlank() ? who.name() : who.email();
        if (customer != null && !customer.isBlank()) {
            item.put(CUSTOMER, s(clip(customer, 200)));
        }
        String comment = c.response().comment();
        if (comment != null && !comment.isBlank()) {
            item.put(EXCERPT, s(excerpt(comment)));
        }
        String search = String.join("\n", nonNull(who.name()), nonNull(who.email()), nonNull(comment)).toLowerCase(Locale.ROOT).strip();
        if (!search.isEmpty()) {
            item.put(SEARCH, s(clip(search, SEARCH_CHARS)));
        }
        if (c.response().score() != null) {
            item.put(CATEGORY, s(Category.of(c.response().score()).name()));
        }
    }

    static String partition(Lane lane) {
        return switch (lane) {
            case Lane.Team(String teamId) -> "TEAM#" + orNone(teamId);
            case Lane.Assignee(String responderId) -> "ASSIGNEE#" + responderId;
            case Lane.Unassigned(String teamId) -> "UNASSIGNED#" + orNone(teamId);
        };
    }

    static String openSort(Case c) {
        boolean breached = c.sla() != null && c.sla().breachOutstanding();
        Instant deadline = c.sla() == null ? null : c.sla().nextDeadline();
        long seconds = deadline == null ? NO_DEADLINE : Math.clamp(deadline.getEpochSecond(), 0, NO_DEADLINE - 1);
        return String.format("%s%d#%012d#%s", OPEN_PREFIX, breached ? 0 : 1, seconds, c.id());
    }

    static String closedSort(Case c) {
        Instant closedAt = c.closedAt() == null ? c.openedAt() : c.closedAt();
        return String.format("%s%013d#%s", CLOSED_PREFIX, Math.max(0, closedAt.toEpochMilli()), c.id());
    }

    /** The case id at the end of a queue sort key. */
    static String caseIdOf(String sortKey) {
        return sortKey.substring(sortKey.lastIndexOf('#') + 1);
    }

    static QueueRow row(Map<String, AttributeValue> item, String sortKey) {
        AttributeValue score = item.get(CaseItem.SCORE);
        String category = Table.string(item, CATEGORY);
        return new QueueRow(
                Table.string(item, Table.PK).substring(CaseItem.PREFIX.length()),
                Table.string(item, CaseItem.CAMPAIGN),
                CaseStatus.valueOf(Table.string(item, CaseItem.STATUS)),
                Priority.valueOf(Table.string(item, CaseItem.PRIORITY)),
                Table.string(item, CaseItem.ASSIGNEE),
                Table.string(item, TEAM),
                score == null ? null : Integer.valueOf(score.n()),
                category == null ? null : Category.valueOf(category),
                sortKey.startsWith(BREACHED_PREFIX),
                Instant.parse(Table.string(item, CaseItem.OPENED)),
                deadlineOf(sortKey),
                closedAtOf(sortKey),
                Table.string(item, CUSTOMER),
                Table.string(item, EXCERPT),
                Long.parseLong(item.get(Table.VERSION).n()));
    }

    static String excerpt(String comment) {
        String[] words = comment.strip().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length && i < EXCERPT_WORDS; i++) {
            if (out.length() + words[i].length() + 1 > EXCERPT_CHARS) {
                break;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(words[i]);
        }
        if (out.isEmpty()) {
            out.append(clip(words[0], EXCERPT_CHARS));
        }
        return out.length() < comment.strip().length() ? out + "…" : out.toString();
    }

    private static String clip(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    /** "~" is no valid id (ids are letters, digits, '.', '_', '-'), so no team's partition can be the no-team one. */
    private static String orNone(String id) {
        return id == null ? "~" : id;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** The deadline an open entry's key carries (the key is the one copy: no attribute repeats it). */
    static Instant deadlineOf(String sortKey) {
        if (!sortKey.startsWith(OPEN_PREFIX)) {
            return null;
        }
        long seconds = Long.parseLong(sortKey.substring(4, 16));
        return seconds == NO_DEADLINE ? null : Instant.ofEpochSecond(seconds);
    }

    static Instant closedAtOf(String sortKey) {
        return sortKey.startsWith(CLOSED_PREFIX) ? Instant.ofEpochMilli(Long.parseLong(sortKey.substring(2, 15))) : null;
    }
}
