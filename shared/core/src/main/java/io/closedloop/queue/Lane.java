package io.closedloop.queue;

/**
 * One partition of the work-queue indexes (docs/console.md, "Index entries"). A list reads one or more lanes of
 * the same index and merges them in key order.
 */
public sealed interface Lane {

    /** Whether the lane lives in the owner index (assignee or unassigned); otherwise in the team index. */
    boolean ownerIndex();

    /** Every case of a team, open and closed; {@code teamId} null holds the cases of no team. */
    record Team(String teamId) implements Lane {
        @Override
        public boolean ownerIndex() {
            return false;
        }
    }

    /** The open cases assigned to one responder. */
    record Assignee(String responderId) implements Lane {
        public Assignee {
            if (responderId == null || responderId.isBlank()) {
                throw new IllegalArgumentException("an assignee lane needs a responder id");
            }
        }

        @Override
        public boolean ownerIndex() {
            return true;
        }
    }

    /** The open cases nobody is assigned to, of one team ({@code teamId} null: of no team). */
    record Unassigned(String teamId) implements Lane {
        @Override
        public boolean ownerIndex() {
            return true;
        }
    }
}
