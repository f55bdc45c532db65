package io.closedloop.rules;

import java.util.List;

/**
 * Who gets the case, and how they were found.
 *
 * @param responderId null when nobody qualified: the case is opened unassigned
 * @param teamId the assignee's team; null when unassigned or the assignee has no team
 * @param assignedBy which step of the resolution chose the assignee
 * @param notes why earlier steps chose nobody, e.g. "responder ana has no right to respond"
 */
public record AssigneeResolution(String responderId, String teamId, AssignedBy assignedBy, List<String> notes) {

    /** The step that chose the assignee. */
    public enum AssignedBy {
        FIXED,
        ROUND_ROBIN,
        LOOKUP,
        FALLBACK,
        NOBODY
    }

    public AssigneeResolution {
        notes = List.copyOf(notes);
    }

    public boolean assigned() {
        return responderId != null;
    }
}
