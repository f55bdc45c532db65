package io.closedloop.config;

import io.closedloop.domain.ScoreType;
import java.util.List;

/**
 * A configured webhook endpoint, {@code POST /webhooks/{id}}: which campaign its responses belong to, which
 * format and signature scheme it speaks, which question holds the score, and its secrets (several, for rotation).
 *
 * @param scoreQuestion the question id or ref holding the score; null where the format has a native score field
 * @param commentQuestion the question id or ref holding the comment; null where the format has a native comment
 */
public record Source(
        String id,
        String campaignId,
        WebhookFormat format,
        List<Secret> secrets,
        String scoreQuestion,
        ScoreType scoreType,
        String commentQuestion,
        FieldMapping mapping,
        boolean enabled) {

    public Source {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        mapping = mapping == null ? FieldMapping.NONE : mapping;
        scoreType = scoreType == null ? ScoreType.NPS : scoreType;
    }
}
