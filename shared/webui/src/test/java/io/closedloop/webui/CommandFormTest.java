package io.closedloop.webui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closedloop.cases.CaseCommand;
import io.closedloop.config.Priority;
import io.closedloop.webui.FormBody.MalformedFormException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandFormTest {

    private static FormBody form(String body) {
        return FormBody.parse(body.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void action_withOperatorChoice_becomesTakeAction() {
        CaseCommand command = CommandForm.ACTION.command(form(
                "actionId=call-the-customer&statusId=response-solution-found&comment=Done&closePlan=yes&exitStateId=closed"));

        assertThat(command).isEqualTo(new CaseCommand.TakeAction("call-the-customer", "response-solution-found", "Done", true, "closed"));
    }

    @Test
    void action_withoutChoiceAndEmptyExitState_leavesBothAbsent() {
        CaseCommand command = CommandForm.ACTION.command(form("actionId=send-an-email&statusId=s&comment=&exitStateId="));

        assertThat(command).isEqualTo(new CaseCommand.TakeAction("send-an-email", "s", null, null, null));
    }

    @Test
    void action_closePlanNeitherYesNorNo_isMalformed() {
        assertThatThrownBy(() -> CommandForm.ACTION.command(form("actionId=a&statusId=s&closePlan=true")))
                .isInstanceOf(MalformedFormException.class);
    }

    @Test
    void everyOtherForm_mapsItsField() {
        assertThat(CommandForm.CLOSE.command(form("exitStateId=closed"))).isEqualTo(new CaseCommand.ClosePlan("closed"));
        assertThat(CommandForm.NOTE.command(form("text=Hello"))).isEqualTo(new CaseCommand.AddNote("Hello"));
        assertThat(CommandForm.REASSIGN.command(form("responderId=bruno"))).isEqualTo(new CaseCommand.Reassign("bruno"));
        assertThat(CommandForm.ROOT_CAUSE.command(form("rootCauseId=late-delivery"))).isEqualTo(new CaseCommand.SetRootCause("late-delivery"));
        assertThat(CommandForm.PRIORITY.command(form("priority=urgent"))).isEqualTo(new CaseCommand.SetPriority(Priority.URGENT));
        assertThat(CommandForm.PRIORITY.command(form("priority="))).isEqualTo(new CaseCommand.SetPriority(null));
        assertThat(CommandForm.REOPEN.command(form("reason="))).isEqualTo(new CaseCommand.Reopen(null));
    }

    @Test
    void priority_unknown_isMalformed() {
        assertThatThrownBy(() -> CommandForm.PRIORITY.command(form("priority=ASAP"))).isInstanceOf(MalformedFormException.class);
    }

    @Test
    void version_mustBeAPositiveNumber() {
        assertThat(CommandForm.version(form("version=12"))).isEqualTo(12);
        assertThatThrownBy(() -> CommandForm.version(form("text=x"))).isInstanceOf(MalformedFormException.class);
        assertThatThrownBy(() -> CommandForm.version(form("version=abc"))).isInstanceOf(MalformedFormException.class);
        assertThatThrownBy(() -> CommandForm.version(form("version=0"))).isInstanceOf(MalformedFormException.class);
    }

    @Test
    void of_pathSegment_findsTheFormOrNothing() {
        assertThat(CommandForm.of("root-cause")).contains(CommandForm.ROOT_CAUSE);
        assertThat(CommandForm.of("ROOT_CAUSE")).isEmpty();
        assertThat(CommandForm.of(null)).isEmpty();
    }
}
