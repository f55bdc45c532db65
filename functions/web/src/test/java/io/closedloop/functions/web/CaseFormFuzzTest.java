package io.closedloop.functions.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand;
import io.closedloop.cases.CaseCommands;
import io.closedloop.cases.CaseError;
import io.closedloop.cases.CaseForms;
import io.closedloop.cases.CommandResult;
import io.closedloop.cases.Opening;
import io.closedloop.cases.PlanProgress;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.Configuration;
import io.closedloop.config.ConfigurationAssembler;
import io.closedloop.config.Priority;
import io.closedloop.config.RootCause;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.json.Json;
import io.closedloop.sla.SlaEngine;
import io.closedloop.webui.CommandForm;
import io.closedloop.webui.FormBody.MalformedFormException;
import io.closedloop.webui.FormBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Any form posted to any command of the case page: the body is malformed (the page answers 400), or it becomes a
 * command that the case either applies or refuses with a case error (a 4xx page); nothing else is thrown, an
 * applied command moves the case one version on, and the forms the page then offers ({@link CaseForms}) can be built. Input, as text: the command's path segment on the first line
 * ({@code action}, {@code note}, {@code root-cause}…), an empty line, the url-encoded body. Corpus:
 * {@code CaseFormFuzzTestInputs/anyForm/} (what the page's own forms send, and malformed variants).
 */
class CaseFormFuzzTest {

    private static final ActionPlan PLAN = SeedPlans.resolutionForDetractors();
    private static final Configuration CONFIG;
    private static final Case OPEN_CASE;
    private static final Case CLOSED_CASE;

    static {
        List<ConfigEntry> entries = new ArrayList<>();
        for (Object value : List.of(PLAN, WebFixture.ANA, WebFixture.BRUNO, WebFixture.CARLA, WebFixture.CAMILLE,
                new RootCause("delivery", "Delivery", null), new RootCause("late-delivery", "Late delivery", "delivery"))) {
            entries.add(new ConfigEntry(ConfigurationAssembler.kindOf(value), ConfigurationAssembler.storageId(value), 1, Json.string(value)));
        }
        CONFIG = ConfigurationAssembler.assemble(entries);
        Response response = new Response("formbricks-main", "resp_fuzz", "nps-2025", WebFixture.SUBMITTED, WebFixture.JOAO,
                new Score(ScoreType.NPS, 3), "A entrega atrasou.", Map.of(), Map.of("country", "BR"), 1);
        OPEN_CASE = new Case.Builder(response.id().caseId())
                .version(1)
                .campaignId(response.campaignId())
                .response(response)
                .priority(Priority.HIGH)
                .assigneeId(WebFixture.ANA.id())
                .opening(new Opening("detractors-br", 3, "Detractors in Brazil", List.of("score 3 ≤ 6"), "detractor"))
                .plan(PlanProgress.start(PLAN.id(), PLAN.version()))
                .sla(SlaEngine.start(SlaEngine.DEFAULT_POLICY, Priority.HIGH, null, WebFixture.SUBMITTED, WebFixture.OPENED))
                .openedAt(WebFixture.OPENED)
                .append(WebFixture.OPENED, "system", ActivityType.CASE_OPENED, Map.of("ruleId", "detractors-br"))
                .build();
        CLOSED_CASE = CaseCommands.apply(OPEN_CASE, new CaseCommand.ClosePlan(SeedPlans.CLOSED), Actor.of(WebFixture.ANA), CONFIG,
                WebFixture.NOW).applied().orElseThrow();
    }

    @FuzzTest(maxDuration = "60s")
    void anyForm(byte[] input) {
        int split = -1;
        for (int i = 0; i + 1 < input.length; i++) {
            if (input[i] == '\n' && input[i + 1] == '\n') {
                split = i;
                break;
            }
        }
        String path = new String(input, 0, split < 0 ? input.length : split, StandardCharsets.UTF_8).strip();
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(input, split + 2, input.length);
        CommandForm form = CommandForm.of(path).orElse(CommandForm.NOTE);

        CaseCommand command;
        try {
            FormBody fields = FormBody.parse(body);
            CommandForm.version(fields);
            command = form.command(fields);
        } catch (MalformedFormException malformed) {
            return;
        }
        for (Case current : List.of(OPEN_CASE, CLOSED_CASE)) {
            for (Actor actor : List.of(Actor.of(WebFixture.ANA), Actor.of(WebFixture.CARLA))) {
                CommandResult result = CaseCommands.apply(current, command, actor, CONFIG, WebFixture.NOW);
                if (result instanceof CaseError error) {
                    assertThat(error.httpStatus()).isBetween(400, 499);
                } else {
                    Case updated = result.applied().orElseThrow();
                    assertThat(updated.version()).isEqualTo(current.version() + 1);
                    assertThat(CaseForms.availableForms(updated, PLAN, actor)).isNotNull();
                    assertThat(CaseForms.actionChoices(updated, PLAN)).isNotNull();
                }
            }
        }
    }
}
