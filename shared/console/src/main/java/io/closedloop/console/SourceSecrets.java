package io.closedloop.console;

import io.closedloop.admin.ConfigAdmin;
import io.closedloop.http.Problem;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import java.time.Instant;
import java.util.List;

/**
 * A source's webhook secrets as the console's pages change them, through {@link ConfigAdmin} (its rules, its lock on
 * the source's version): add one (made here or pasted from the survey tool), remove one. Rotation keeps two active for
 * a while: add the new secret, switch the survey tool to it, then remove the old one. Only an admin reaches any of it.
 */
public final class SourceSecrets {

    /** What became of adding a secret. */
    public sealed interface Added {
        /** @param shownValue the secret made here, to show this once; null when the admin pasted it */
        record Done(String secretId, String shownValue, long version) implements Added {}

        /** Refused on the fields named ({@code value}: not usable for the source's format; {@code secrets}: too many). */
        record Refused(List<FieldError> errors) implements Added {}

        /** The source changed or went away since the page was shown. */
        record Conflict() implements Added {}
    }

    /** What became of removing a secret. */
    public enum Removed {
        DONE,
        /** The last secret stays: without one, the source refuses every delivery. */
        LAST_SECRET,
        /** The source or the secret changed or went away since the page was shown. */
        CONFLICT
    }

    private final ConfigAdmin admin;

    public SourceSecrets(ConfigAdmin admin) {
        this.admin = admin;
    }

    /** @param pastedValue the provider's secret; null to make one in the format's own form */
    public Added add(Access access, String sourceId, String pastedValue, long expectedVersion, Instant now) {
        ConfigEntries.requireAdmin(access);
        var body = Json.object();
        if (pastedValue != null) {
            body.put("value", pastedValue);
        }
        try {
            ConfigAdmin.SecretAdded added = admin.addSecret(sourceId, body, expectedVersion, now);
            String shown = pastedValue == null ? added.view().path("value").asText(null) : null;
            return new Added.Done(added.view().path("id").asText(), shown, added.source().version());
        } catch (ProblemException refused) {
            Problem problem = refused.problem();
            return problem.status() == 422 ? new Added.Refused(problem.errors()) : new Added.Conflict();
        }
    }

    public Removed remove(Access access, String sourceId, String secretId, long expectedVersion) {
        ConfigEntries.requireAdmin(access);
        try {
            admin.removeSecret(sourceId, secretId, expectedVersion);
            return Removed.DONE;
        } catch (ProblemException refused) {
            return refused.problem().type().endsWith("last-secret") ? Removed.LAST_SECRET : Removed.CONFLICT;
        }
    }
}
