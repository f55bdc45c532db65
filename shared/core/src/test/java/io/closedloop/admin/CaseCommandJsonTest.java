package io.closedloop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.closedloop.cases.CaseCommand;
import io.closedloop.config.Priority;
import io.closedloop.http.Problem;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CaseCommandJsonTest {

    private static CaseCommand parse(String command, String body) {
        return CaseApi.parse(command, Json.tree(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Problem refusal(String command, String body) {
        return ((ProblemException) catchThrowable(() -> parse(command, body))).problem();
    }

    @Test
    void everyCommand_readsItsBody() {
        assertThat(parse("action", "{\"actionId\": \"call\", \"statusId\": \"done\", \"comment\": \"ok\", \"closePlan\": true, \"exitStateId\": \"closed\"}"))
                .isEqualTo(new CaseCommand.TakeAction("call", "done", "ok", true, "closed"));
        assertThat(parse("close", "{\"exitStateId\": \"closed\"}")).isEqualTo(new CaseCommand.ClosePlan("closed"));
        assertThat(parse("note", "{\"text\": \"Called\"}")).isEqualTo(new CaseCommand.AddNote("Called"));
        assertThat(parse("reassign", "{\"responderId\": \"louis\"}")).isEqualTo(new CaseCommand.Reassign("louis"));
        assertThat(parse("root-cause", "{\"rootCauseId\": \"late\"}")).isEqualTo(new CaseCommand.SetRootCause("late"));
        assertThat(parse("priority", "{\"priority\": \"URGENT\"}")).isEqualTo(new CaseCommand.SetPriority(Priority.URGENT));
        assertThat(parse("reopen", "{}")).isEqualTo(new CaseCommand.Reopen(null));
    }

    @Test
    void absentFields_areLeftToTheCaseRules() {
        assertThat(parse("action", "{}")).isEqualTo(new CaseCommand.TakeAction(null, null, null, null, null));
        assertThat(parse("priority", "{\"priority\": null}")).isEqualTo(new CaseCommand.SetPriority(null));
    }

    @Test
    void illTypedFields_are422NamingEach_unknownCommandIs404() {
        Problem typed = refusal("action", "{\"actionId\": [\"call\"], \"closePlan\": \"true\", \"comment\": 5}");
        Problem priority = refusal("priority", "{\"priority\": \"urgent\"}");
        Problem notObject = refusal("note", "[\"text\"]");
        Problem unknown = refusal("delete", "{}");

        assertThat(typed.status()).isEqualTo(422);
        assertThat(typed.errors()).extracting(Problem.FieldError::field).containsExactly("actionId", "comment", "closePlan");
        assertThat(priority.errors()).extracting(Problem.FieldError::field).containsExactly("priority");
        assertThat(notObject.status()).isEqualTo(422);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).contains("action, close, note, reassign, root-cause, priority, reopen");
    }
}
