package io.closedloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.Configuration;
import io.closedloop.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/rules.md stays true: its JSON examples read and validate, and they are the fixtures the tests use. */
class RulesDocTest {

    private static final Path DOC = Path.of("../../docs/rules.md");
    private static final Configuration CONFIG = RuleFixtures.configuration();
    private static final List<String> FIXTURES = RuleFixtures.FIXTURE_FILES;

    private static List<JsonNode> jsonBlocks() throws IOException {
        List<JsonNode> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (block == null && line.strip().equals("```json")) {
                block = new StringBuilder();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(Json.tree(block.toString().getBytes(StandardCharsets.UTF_8)));
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    @Test
    void everyJsonExample_readsAndValidates() throws IOException {
        List<JsonNode> blocks = jsonBlocks();

        assertThat(blocks).hasSizeGreaterThanOrEqualTo(FIXTURES.size() + 1);
        for (JsonNode block : blocks) {
            ObjectNode rule;
            if (block.has("outcome")) {
                rule = (ObjectNode) block;
            } else {
                rule = RuleJson.toJson(RuleFixtures.DETRACTOR_BRAZIL);
                rule.set("condition", block);
            }

            RuleRead read = RuleJson.readRule(rule, CONFIG);

            assertThat(read.errors()).as(block.toString()).isEmpty();
        }
    }

    @Test
    void everyFixture_appearsInTheDocUnchanged() throws IOException {
        List<JsonNode> blocks = jsonBlocks();

        for (String fixture : FIXTURES) {
            JsonNode expected = Json.tree(RuleFixtures.resource(fixture).getBytes(StandardCharsets.UTF_8));
            assertThat(blocks).as(fixture).contains(expected);
        }
    }
}
