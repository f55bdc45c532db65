package io.closedloop.cases;

import java.util.Optional;

/** What a case command returns: the changed case, or the reason it was refused (and nothing changed). */
public sealed interface CommandResult permits CommandResult.Applied, CaseError {

    /** The command was accepted; {@code updated} carries version + 1 and the new log entries. */
    record Applied(Case updated) implements CommandResult {}

    default boolean isApplied() {
        return this instanceof Applied;
    }

    default Optional<Case> applied() {
        return this instanceof Applied(Case updated) ? Optional.of(updated) : Optional.empty();
    }

    default Optional<CaseError> error() {
        return this instanceof CaseError error ? Optional.of(error) : Optional.empty();
    }
}
