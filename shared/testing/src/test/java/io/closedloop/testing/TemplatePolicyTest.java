package io.closedloop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, read from template.yaml: each function may call exactly the AWS actions its code calls, on the
 * resources it uses, never on "*"; and cfn-lint finds nothing. A new SDK call without a policy change (or a policy
 * wider than the code) fails here.
 */
class TemplatePolicyTest {

    private final SamTemplate template = SamTemplate.load();

    /** What each function's code calls (its ports' adapters and the SDK operations they use). */
    private static final Map<String, Set<String>> ACTIONS_USED = Map.of(
            "IngestFunction", Set.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query"),
            "ProcessorFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query",
                    "ses:SendEmail", "events:PutEvents", "sqs:SendMessage"),
            "CaseWebFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"),
            "ApiFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query"),
            "SlaCheckFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "ses:SendEmail"),
            // the suppression item and the case's "address bounced" entry
            "MailEventsFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem"),
            // sessions: touch (UpdateItem) and sign-out (DeleteItem); sign-in links: the rate counter and the single-use delete
            "ConsoleFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query",
                    "ses:SendEmail"));

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> statements(String functionId) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : (List<Object>) template.properties(functionId).get("Policies")) {
            assertThat(policy).as(functionId + " uses only inline statements, no managed or SAM policy templates").isInstanceOf(Map.class);
            statements.addAll((List<Map<String, Object>>) ((Map<String, Object>) policy).get("Statement"));
        }
        return statements;
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
    }

    @Test
    void everyFunction_isGrantedExactlyTheActionsItsCodeCalls() {
        assertThat(template.resourcesOfType("AWS::Serverless::Function").keySet()).containsExactlyInAnyOrderElementsOf(ACTIONS_USED.keySet());
        ACTIONS_USED.forEach((function, used) -> {
            Set<String> granted = new TreeSet<>();
            statements(function).forEach(s -> list(s.get("Action")).forEach(a -> granted.add(String.valueOf(a))));
            assertThat(granted).as(function).containsExactlyInAnyOrderElementsOf(used);
        });
    }

    @Test
    void noStatement_allowsWildcardActionsOrResources() {
        ACTIONS_USED.keySet().forEach(function -> statements(function).forEach(statement -> {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            list(statement.get("Action")).forEach(a -> assertThat(String.valueOf(a)).as(function).doesNotContain("*"));
            list(statement.get("Resource")).forEach(r -> assertThat(r).as(function + " resource").isNotEqualTo("*").isInstanceOf(Map.class));
        }));
    }

    @Test
    void ingest_mayTouchOnlyResponseAndConfigurationItems() {
        assertThat(statements("IngestFunction")).singleElement().satisfies(statement -> {
            assertThat(statement.get("Resource")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "Arn")));
            assertThat(String.valueOf(statement.get("Condition"))).contains("dynamodb:LeadingKeys").contains("RESP#*").contains("CONFIG");
        });
    }

    @Test
    void template_holdsNoSecret() throws IOException {
        String text = Files.readString(Project.template(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContainPattern("whsec_[A-Za-z0-9+/=]{8,}").doesNotContainPattern("cl_[a-z0-9]+_[A-Za-z0-9_-]{20,}")
                .doesNotContainPattern("(?i)aws_secret_access_key|AKIA[0-9A-Z]{16}");
    }

    @Test
    void cfnLint_findsNothing() throws IOException, InterruptedException {
        Path cfnLint = Project.root().resolve(".venv/bin/cfn-lint");
        assertThat(cfnLint).as("cfn-lint is installed by ./run-tests into .venv").isExecutable();
        Process lint = new ProcessBuilder(cfnLint.toString(), "--", Project.template().toString()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(lint.exitValue()).as(output).isZero();
    }
}
