package io.closedloop.webui;

import io.closedloop.cases.CaseCommand;
import io.closedloop.config.Priority;
import io.closedloop.webui.FormBody.MalformedFormException;
import java.util.Locale;
import java.util.Optional;

/**
 * The case page's forms, one per command in {@code POST /cases/{caseId}/{command}}, and how each form's fields
 * become a {@link CaseCommand}. Only shape is checked here (a yes/no that is neither, a priority that is none);
 * whether the command fits the case is for the domain to say.
 */
public enum CommandForm {
    ACTION("action"),
    CLOSE("close"),
    NOTE("note"),
    REASSIGN("reassign"),
    ROOT_CAUSE("root-cause"),
    PRIORITY("priority"),
    REOPEN("reopen"),
    EMAIL("email");

    public static final String VERSION = "version";
    public static final String CSRF = "csrf";

    private final String path;

    CommandForm(String path) {
        this.path = path;
    }

    /** The last path segment, as in {@code /cases/{caseId}/root-cause}. */
    public String path() {
        return path;
    }

    public static Optional<CommandForm> of(String path) {
        for (CommandForm form : values()) {
            if (form.path.equals(path)) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }

    /** The version of the case the user saw, from the hidden field every form carries. */
    public static long version(FormBody form) {
        String value = form.field(VERSION).orElseThrow(() -> new MalformedFormException("version missing")).trim();
        try {
            long version = Long.parseLong(value);
            if (version < 1) {
                throw new MalformedFormException("version out of range");
            }
            return version;
        } catch (NumberFormatException e) {
            throw new MalformedFormException("version not a number");
        }
    }

    /** @throws MalformedFormException when a field has a value no page offers */
    public CaseCommand command(FormBody form) {
        return switch (this) {
            case ACTION -> new CaseCommand.TakeAction(form.text("actionId"), form.text("statusId"), form.text("comment"),
                    yesNo(form.text("closePlan")), form.text("exitStateId"));
            case CLOSE -> new CaseCommand.ClosePlan(form.text("exitStateId"));
            case NOTE -> new CaseCommand.AddNote(form.text("text"));
            case REASSIGN -> new CaseCommand.Reassign(form.text("responderId"));
            case ROOT_CAUSE -> new CaseCommand.SetRootCause(form.text("rootCauseId"));
            case PRIORITY -> new CaseCommand.SetPriority(priority(form.text("priority")));
            case REOPEN -> new CaseCommand.Reopen(form.text("reason"));
            case EMAIL -> new CaseCommand.EmailCustomer(form.text("subject"), form.text("message"));
        };
    }

    private static Boolean yesNo(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim()) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> throw new MalformedFormException("closePlan is neither yes nor no");
        };
    }

    private static Priority priority(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Priority.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedFormException("unknown priority");
        }
    }
}
