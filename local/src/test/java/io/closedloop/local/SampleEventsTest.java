package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.json.Json;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.Project;
import java.io.IOException;
import java.nio.file.Files;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample event in events/ is one its function accepts: it answers without a server error. */
class SampleEventsTest {

    private static LocalStack stack;

    @BeforeAll
    static void start() throws IOException {
        stack = LocalStack.start(new LocalStack.Options(LocalDynamo.freePort(), LocalDynamo.freePort(), Files.createTempDirectory("events")));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("apigw-ingest-webhook.json", "IngestFunction", 401),
                Arguments.of("apigw-web-open-link.json", "CaseWebFunction", 403),
                Arguments.of("apigw-web-case-page.json", "CaseWebFunction", 401),
                Arguments.of("apigw-web-case-action.json", "CaseWebFunction", 401),
                Arguments.of("apigw-api-list-cases.json", "ApiFunction", 401),
                Arguments.of("apigw-admin-put-rule.json", "ApiFunction", 401));
    }

    private static byte[] event(String name) throws IOException {
        return Files.readAllBytes(Project.root().resolve("events").resolve(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void httpSampleEvent_isAnsweredByItsFunction(String file, String function, int expectedStatus) throws IOException {
        JsonNode answer = Json.tree(stack.invoke(function, event(file)));

        // Placeholders never verify: each sample is refused for the right reason, never with a server error
        assertThat(answer.path("statusCode").asInt()).isEqualTo(expectedStatus);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streamAndSchedule")
    void otherSampleEvent_isProcessed(String file, String function) throws IOException {
        JsonNode answer = Json.tree(stack.invoke(function, event(file)));

        assertThat(answer.path("batchItemFailures").isMissingNode() || answer.path("batchItemFailures").isEmpty()).isTrue();
    }

    static Stream<Arguments> streamAndSchedule() {
        return Stream.of(
                Arguments.of("dynamodb-stream-response-inserted.json", "ProcessorFunction"),
                Arguments.of("schedule-sla-check.json", "SlaCheckFunction"));
    }

}
