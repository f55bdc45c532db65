package io.closedloop.rules;

import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import java.util.Locale;
import java.util.Map;

/**
 * The response under evaluation, with what several conditions would otherwise recompute: the lower-cased comment is
 * computed at most once per evaluation, and only if a condition searches it.
 */
final class Subject {

    final Response response;
    final Score score;
    final Map<String, String> attributes;
    final Map<String, String> answers;
    private String lowerComment;

    Subject(Response response) {
        this.response = response;
        this.score = response.score();
        this.attributes = response.attributes();
        this.answers = response.answers();
    }

    /** The attribute's raw value, or null when absent (a null name is absent too: the maps refuse null keys). */
    String attribute(String name) {
        return name == null ? null : attributes.get(name);
    }

    String answer(String questionId) {
        return questionId == null ? null : answers.get(questionId);
    }

    /** The comment lower-cased with the root locale, or null when there is no comment. */
    String lowerComment() {
        if (lowerComment == null) {
            String comment = response.comment();
            if (comment == null) {
                return null;
            }
            lowerComment = comment.toLowerCase(Locale.ROOT);
        }
        return lowerComment;
    }
}
