package io.closedloop.rules;

import static io.closedloop.rules.RuleFixtures.DETRACTOR_BRAZIL;
import static io.closedloop.rules.RuleFixtures.HIGH_VALUE_TRIAGE;
import static io.closedloop.rules.RuleFixtures.NPS_CAMPAIGN;
import static io.closedloop.rules.RuleFixtures.PASSIVE_ROUND_ROBIN;
import static io.closedloop.rules.RuleFixtures.PROMOTER_REVIEW;
import static io.closedloop.rules.RuleFixtures.REFUND_WATCH;
import static io.closedloop.rules.RuleFixtures.nps;
import static io.closedloop.rules.RuleFixtures.response;
import static io.closedloop.rules.RuleFixtures.withAnswers;
import static io.closedloop.rules.RuleFixtures.withAttributes;
import static io.closedloop.rules.RuleFixtures.withPriority;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.Priority;
import io.closedloop.domain.Category;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private static final Response BR_DETRACTOR = nps("r-br-3", 3, "BR", "Entrega atrasada, ninguém respondeu.");
    private static final Response US_DETRACTOR = nps("r-us-3", 3, "US", "Late delivery.");

    private static Condition attribute(String name, AttributeOp op, String... values) {
        return new Condition.Attribute(name, op, List.of(values));
    }

    private static Response withCountry(String value) {
        return response(NPS_CAMPAIGN, "r-attr", new Score(ScoreType.NPS, 5), null, Map.of("country", value, "accountValue", "250000"));
    }

    @Test
    void evaluate_detractorInBrazil_matchesRule() {
        Evaluation evaluation = RuleEvaluator.evaluate(List.of(DETRACTOR_BRAZIL), BR_DETRACTOR);

        assertThat(evaluation.opensCase()).isTrue();
        assertThat(evaluation.winner().rule()).isEqualTo(DETRACTOR_BRAZIL);
        assertThat(evaluation.winner().explanation()).containsExactly("score 3 (NPS) in 0–6", "attribute country = BR");
        assertThat(evaluation.priority()).isEqualTo(Priority.HIGH);
        assertThat(evaluation.triageExplanation()).isEmpty();
    }

    @Test
    void evaluate_detractorInUnitedStates_doesNotMatchBrazilRule() {
        Evaluation evaluation = RuleEvaluator.evaluate(List.of(DETRACTOR_BRAZIL), US_DETRACTOR);

        assertThat(evaluation).isEqualTo(Evaluation.NONE);
        assertThat(evaluation.opensCase()).isFalse();
        assertThat(evaluation.priority()).isNull();
    }

    @Test
    void evaluate_promoterInBrazil_doesNotMatchDetractorRule() {
        assertThat(RuleEvaluator.evaluate(List.of(DETRACTOR_BRAZIL), nps("r-br-9", 9, "BR", null)).matches()).isEmpty();
    }

    @Test
    void evaluate_promoterWithComment_opensReviewLoop() {
        Response promoter = nps("r-pro", 10, "US", "Great onboarding, Priya was fantastic!");

        Evaluation evaluation = RuleEvaluator.evaluate(List.of(DETRACTOR_BRAZIL, PROMOTER_REVIEW), promoter);

        assertThat(evaluation.winner().rule().id()).isEqualTo("promoter-review");
        assertThat(evaluation.winner().rule().outcome().loop()).isEqualTo("promoter-review");
        assertThat(evaluation.priority()).isEqualTo(Priority.LOW);
        assertThat(evaluation.winner().explanation()).containsExactly(
                "score 10 (NPS) is promoter", "comment present", "not (comment contains \"do not contact\")");
    }

    @Test
    void evaluate_promoterAskingNotToBeContacted_doesNotOpenReviewLoop() {
        Response promoter = nps("r-pro", 10, "US", "Fine product. Please DO NOT CONTACT me.");

        assertThat(RuleEvaluator.evaluate(List.of(PROMOTER_REVIEW), promoter).opensCase()).isFalse();
    }

    @Test
    void evaluate_promoterWithoutComment_doesNotOpenReviewLoop() {
        assertThat(RuleEvaluator.evaluate(List.of(PROMOTER_REVIEW), nps("r-pro", 9, "US", "   ")).opensCase()).isFalse();
    }

    @Test
    void evaluate_passiveInPortugal_matchesNestedAny() {
        Evaluation evaluation = RuleEvaluator.evaluate(List.of(PASSIVE_ROUND_ROBIN), nps("r-pt", 8, "pt", null));

        assertThat(evaluation.winner().explanation())
                .containsExactly("score 8 (NPS) is passive", "any of: attribute country pt in [BR, PT]");
    }

    @Test
    void evaluate_passiveWithPortugueseLanguageElsewhere_matchesSecondBranchOfAny() {
        Response passive = withAttributes(nps("r-lang", 7, "CH", null), Map.of("language", "pt-BR"));

        Evaluation evaluation = RuleEvaluator.evaluate(List.of(PASSIVE_ROUND_ROBIN), passive);

        assertThat(evaluation.winner().explanation())
                .containsExactly("score 7 (NPS) is passive", "any of: attribute language \"pt-BR\" contains \"pt\"");
    }

    @Test
    void evaluate_passiveInGermany_doesNotMatchNestedAny() {
        assertThat(RuleEvaluator.evaluate(List.of(PASSIVE_ROUND_ROBIN), nps("r-de", 7, "DE", null)).matches()).isEmpty();
    }

    @Test
    void evaluate_higherPriorityRuleWins_whateverTheListOrderOfConfiguration() {
        List<Rule> ordered = RuleFixtures.configuration(List.of(HIGH_VALUE_TRIAGE, DETRACTOR_BRAZIL)).rulesOf(NPS_CAMPAIGN);

        Evaluation evaluation = RuleEvaluator.evaluate(ordered, BR_DETRACTOR);

        assertThat(evaluation.winner().rule().id()).isEqualTo("detractor-br");
        assertThat(evaluation.matches()).extracting(m -> m.rule().id()).containsExactly("detractor-br", "detractor-triage");
    }

    @Test
    void evaluate_tiedPriorities_firstRuleByIdWins() {
        Rule zulu = withPriority(DETRACTOR_BRAZIL, "zulu", 70);
        Rule alpha = withPriority(HIGH_VALUE_TRIAGE, "alpha", 70);
        List<Rule> ordered = RuleFixtures.configuration(List.of(zulu, alpha)).rulesOf(NPS_CAMPAIGN);

        Evaluation evaluation = RuleEvaluator.evaluate(ordered, BR_DETRACTOR);

        assertThat(evaluation.winner().rule().id()).isEqualTo("alpha");
        assertThat(evaluation.matches()).extracting(m -> m.rule().id()).containsExactly("alpha", "zulu");
    }

    @Test
    void evaluate_lowerMatchingRules_onlyAddWatchers() {
        Response detractor = nps("r-refund", 2, "BR", "I want a REFUND now");
        List<Rule> ordered = RuleFixtures.configuration().rulesOf(NPS_CAMPAIGN);

        Evaluation evaluation = RuleEvaluator.evaluate(ordered, detractor);

        assertThat(evaluation.winner().rule().id()).isEqualTo("detractor-br");
        assertThat(evaluation.priority()).isEqualTo(Priority.HIGH);
        assertThat(evaluation.matches()).extracting(m -> m.rule().id())
                .containsExactly("detractor-br", "detractor-triage", "refund-watch");
        assertThat(evaluation.watcherIds()).containsExactly("fiona", "kim", "jules");
        assertThat(evaluation.watchersExcept("kim")).containsExactly("fiona", "jules");
    }

    @Test
    void evaluate_onlyRulesThatDoNotOpenCases_reportsMatchesWithoutWinner() {
        Response passive = nps("r-refund", 8, "US", "Waiting for my refund.");

        Evaluation evaluation = RuleEvaluator.evaluate(List.of(DETRACTOR_BRAZIL, REFUND_WATCH), passive);

        assertThat(evaluation.opensCase()).isFalse();
        assertThat(evaluation.winning()).isEmpty();
        assertThat(evaluation.matches()).singleElement().satisfies(m -> {
            assertThat(m.opensCase()).isFalse();
            assertThat(m.explanation()).containsExactly("comment contains \"refund\"");
        });
        assertThat(evaluation.watcherIds()).containsExactly("jules", "fiona");
    }

    @Test
    void evaluate_nonOpeningRuleAboveWinner_doesNotWinButAddsWatchers() {
        Rule watchFirst = withPriority(REFUND_WATCH, "refund-watch", 500);

        Evaluation evaluation = RuleEvaluator.evaluate(List.of(watchFirst, DETRACTOR_BRAZIL), nps("r", 1, "BR", "refund please"));

        assertThat(evaluation.winner().rule().id()).isEqualTo("detractor-br");
        assertThat(evaluation.watcherIds()).containsExactly("fiona", "jules");
    }

    @Test
    void evaluate_highValueDetractor_isTriagedUrgent() {
        Response detractor = withAttributes(US_DETRACTOR, Map.of("accountValue", "250000", "segment", "Enterprise"));

        Evaluation evaluation = RuleEvaluator.evaluate(List.of(DETRACTOR_BRAZIL, HIGH_VALUE_TRIAGE), detractor);

        assertThat(evaluation.winner().rule().id()).isEqualTo("detractor-triage");
        assertThat(evaluation.priority()).isEqualTo(Priority.URGENT);
        assertThat(evaluation.triageExplanation()).containsExactly("attribute accountValue 250000 > 100000");
    }

    @Test
    void evaluate_enterpriseDetractorOfLowValue_getsSecondOverride() {
        Response detractor = withAttributes(US_DETRACTOR, Map.of("accountValue", "90000", "segment", " ENTERPRISE "));

        Evaluation evaluation = RuleEvaluator.evaluate(List.of(HIGH_VALUE_TRIAGE), detractor);

        assertThat(evaluation.priority()).isEqualTo(Priority.HIGH);
        assertThat(evaluation.triageExplanation()).containsExactly("attribute segment ENTERPRISE in [enterprise, strategic]");
    }

    @Test
    void evaluate_detractorWithNonNumericAccountValue_keepsOutcomePriority() {
        Response detractor = withAttributes(US_DETRACTOR, Map.of("accountValue", "about 1M"));

        Evaluation evaluation = RuleEvaluator.evaluate(List.of(HIGH_VALUE_TRIAGE), detractor);

        assertThat(evaluation.priority()).isEqualTo(Priority.NORMAL);
        assertThat(evaluation.triageExplanation()).isEmpty();
    }

    @Test
    void evaluate_disabledRule_isSkipped() {
        Rule disabled = new Rule("off", 1, NPS_CAMPAIGN, "off", 999, false, new Condition.Always(), DETRACTOR_BRAZIL.outcome());

        assertThat(RuleEvaluator.evaluate(List.of(disabled, DETRACTOR_BRAZIL), BR_DETRACTOR).winner().rule().id())
                .isEqualTo("detractor-br");
    }

    @Test
    void evaluate_ruleOfAnotherCampaign_isSkipped() {
        Response otherCampaign = response("other", "r", new Score(ScoreType.NPS, 0), null, Map.of("country", "BR"));

        assertThat(RuleEvaluator.evaluate(List.of(DETRACTOR_BRAZIL), otherCampaign).matches()).isEmpty();
    }

    @Test
    void evaluate_noRules_returnsNone() {
        assertThat(RuleEvaluator.evaluate(List.of(), BR_DETRACTOR)).isEqualTo(Evaluation.NONE);
    }

    @Test
    void matches_attributeEquality_ignoresCaseAndSurroundingSpace() {
        assertThat(RuleEvaluator.matches(attribute("country", AttributeOp.EQ, " br "), withCountry("BR\t"))).isTrue();
        assertThat(RuleEvaluator.matches(attribute("country", AttributeOp.EQ, "BR"), withCountry("BRA"))).isFalse();
    }

    @Test
    void matches_attributeNames_areCaseSensitive() {
        assertThat(RuleEvaluator.matches(attribute("Country", AttributeOp.EQ, "BR"), withCountry("BR"))).isFalse();
    }

    @Test
    void matches_notEqual_holdsForOtherValueAndAbsentAttribute() {
        Condition notBrazil = attribute("country", AttributeOp.NE, "br");

        assertThat(RuleEvaluator.matches(notBrazil, withCountry("US"))).isTrue();
        assertThat(RuleEvaluator.matches(notBrazil, withCountry("BR"))).isFalse();
        assertThat(RuleEvaluator.matches(notBrazil, nps("r", 5, null, null))).isTrue();
        assertThat(RuleEvaluator.explain(notBrazil, nps("r", 5, null, null))).containsExactly("attribute country (absent) ≠ br");
    }

    @Test
    void matches_in_comparesEachValueCaseInsensitively() {
        Condition lusophone = attribute("country", AttributeOp.IN, "BR", "PT", "AO");

        assertThat(RuleEvaluator.matches(lusophone, withCountry("ao"))).isTrue();
        assertThat(RuleEvaluator.matches(lusophone, withCountry("ES"))).isFalse();
        assertThat(RuleEvaluator.matches(lusophone, nps("r", 5, null, null))).isFalse();
    }

    @Test
    void matches_contains_isCaseInsensitiveSubstring() {
        Response enterprise = withAttributes(nps("r", 5, "BR", null), Map.of("segment", "Enterprise EMEA"));

        assertThat(RuleEvaluator.matches(attribute("segment", AttributeOp.CONTAINS, "emea"), enterprise)).isTrue();
        assertThat(RuleEvaluator.matches(attribute("segment", AttributeOp.CONTAINS, "apac"), enterprise)).isFalse();
        assertThat(RuleEvaluator.matches(attribute("segment", AttributeOp.CONTAINS, "e emea"), enterprise)).isTrue();
    }

    @Test
    void matches_caseInsensitiveComparisons_foldAccentedCapitals() {
        Response saoPaulo = withAttributes(nps("r", 1, "BR", "PÉSSIMO ATENDIMENTO na loja"), Map.of("city", "SÃO PAULO"));

        assertThat(RuleEvaluator.matches(attribute("city", AttributeOp.EQ, "são paulo"), saoPaulo)).isTrue();
        assertThat(RuleEvaluator.matches(attribute("city", AttributeOp.CONTAINS, "ão p"), saoPaulo)).isTrue();
        assertThat(RuleEvaluator.matches(new Condition.TextContains("comment", "Péssimo"), saoPaulo)).isTrue();
    }

    @Test
    void matches_exists_requiresNonBlankValue() {
        Condition hasStore = attribute("store", AttributeOp.EXISTS);

        assertThat(RuleEvaluator.matches(hasStore, withAttributes(nps("r", 5, null, null), Map.of("store", "042")))).isTrue();
        assertThat(RuleEvaluator.matches(hasStore, withAttributes(nps("r", 5, null, null), Map.of("store", "  ")))).isFalse();
        assertThat(RuleEvaluator.matches(hasStore, nps("r", 5, null, null))).isFalse();
    }

    @Test
    void matches_numericOperators_compareNumbers() {
        Response value = withAttributes(nps("r", 5, null, null), Map.of("accountValue", " 100000.50 "));

        assertThat(RuleEvaluator.matches(attribute("accountValue", AttributeOp.GT, "100000"), value)).isTrue();
        assertThat(RuleEvaluator.matches(attribute("accountValue", AttributeOp.GTE, "100000.5"), value)).isTrue();
        assertThat(RuleEvaluator.matches(attribute("accountValue", AttributeOp.LT, "100000.5"), value)).isFalse();
        assertThat(RuleEvaluator.matches(attribute("accountValue", AttributeOp.LTE, "100000.5"), value)).isTrue();
        assertThat(RuleEvaluator.matches(attribute("accountValue", AttributeOp.GT, "99999"), value)).isTrue();
        assertThat(RuleEvaluator.matches(attribute("accountValue", AttributeOp.LT, "-1"), value)).isFalse();
    }

    @Test
    void matches_numericOperatorOnNonNumericValue_neverMatches() {
        for (String notANumber : List.of("high", "1,000", "1e6", "NaN", "Infinity", "--5", "5-", ".", "", "12.5.1")) {
            Response value = withAttributes(nps("r", 5, null, null), Map.of("accountValue", notANumber));
            for (AttributeOp op : List.of(AttributeOp.GT, AttributeOp.GTE, AttributeOp.LT, AttributeOp.LTE)) {
                assertThat(RuleEvaluator.matches(attribute("accountValue", op, "0"), value)).as(notANumber + " " + op).isFalse();
            }
        }
    }

    @Test
    void matches_numericOperatorWithNonNumericBound_neverMatches() {
        Response value = withAttributes(nps("r", 5, null, null), Map.of("accountValue", "5"));

        assertThat(RuleEvaluator.matches(attribute("accountValue", AttributeOp.LT, "ten"), value)).isFalse();
    }

    @Test
    void matches_longNumbers_compareByMagnitude() {
        Response value = withAttributes(nps("r", 5, null, null), Map.of("accountValue", "123456789012345678901234"));

        assertThat(RuleEvaluator.matches(attribute("accountValue", AttributeOp.GT, "99999999999999999999"), value)).isTrue();
    }

    @Test
    void matches_textContains_searchesCommentCaseInsensitively() {
        Condition refund = new Condition.TextContains("comment", "Refund");

        assertThat(RuleEvaluator.matches(refund, nps("r", 2, null, "where is my REFUND?"))).isTrue();
        assertThat(RuleEvaluator.matches(refund, nps("r", 2, null, "all good"))).isFalse();
        assertThat(RuleEvaluator.matches(refund, nps("r", 2, null, null))).isFalse();
    }

    @Test
    void matches_textContains_searchesNamedAnswer() {
        Response answered = withAnswers(nps("r", 4, null, null), Map.of("what-went-wrong", "The cashier was RUDE", "other", "rude"));

        assertThat(RuleEvaluator.matches(new Condition.TextContains("answer:what-went-wrong", "rude"), answered)).isTrue();
        assertThat(RuleEvaluator.matches(new Condition.TextContains("answer:missing", "rude"), answered)).isFalse();
        assertThat(RuleEvaluator.matches(new Condition.TextContains("comment", "rude"), answered)).isFalse();
        assertThat(RuleEvaluator.explain(new Condition.TextContains("answer:what-went-wrong", "rude"), answered))
                .containsExactly("answer what-went-wrong contains \"rude\"");
    }

    @Test
    void matches_textContains_unknownFieldNeverMatches() {
        assertThat(RuleEvaluator.matches(new Condition.TextContains("subject", "late"), nps("r", 2, null, "late"))).isFalse();
    }

    @Test
    void matches_commentPresent_ignoresBlankComments() {
        assertThat(RuleEvaluator.matches(new Condition.CommentPresent(true), nps("r", 2, null, "slow"))).isTrue();
        assertThat(RuleEvaluator.matches(new Condition.CommentPresent(true), nps("r", 2, null, " \n "))).isFalse();
        assertThat(RuleEvaluator.matches(new Condition.CommentPresent(false), nps("r", 2, null, null))).isTrue();
        assertThat(RuleEvaluator.explain(new Condition.CommentPresent(false), nps("r", 2, null, null))).containsExactly("no comment");
    }

    @Test
    void matches_scoreWithScale_onlyMatchesThatScale() {
        Condition npsDetractorBand = new Condition.ScoreBetween(ScoreType.NPS, 0, 6);
        Response csatTwo = response(NPS_CAMPAIGN, "r", new Score(ScoreType.CSAT, 2), null, Map.of());

        assertThat(RuleEvaluator.matches(npsDetractorBand, csatTwo)).isFalse();
        assertThat(RuleEvaluator.matches(new Condition.ScoreBetween(null, 0, 6), csatTwo)).isTrue();
    }

    @Test
    void matches_scoreBounds_areInclusiveAndOptional() {
        assertThat(RuleEvaluator.matches(new Condition.ScoreBetween(ScoreType.NPS, 9, null), nps("r", 9, null, null))).isTrue();
        assertThat(RuleEvaluator.matches(new Condition.ScoreBetween(ScoreType.NPS, null, 6), nps("r", 7, null, null))).isFalse();
        assertThat(RuleEvaluator.explain(new Condition.ScoreBetween(ScoreType.NPS, 9, null), nps("r", 10, null, null)))
                .containsExactly("score 10 (NPS) ≥ 9");
        assertThat(RuleEvaluator.explain(new Condition.ScoreBetween(null, null, 6), nps("r", 0, null, null)))
                .containsExactly("score 0 (NPS) ≤ 6");
    }

    @Test
    void matches_categoryWithScale_usesThatScalesBands() {
        Condition cesDetractor = new Condition.CategoryIn(ScoreType.CES, Set.of(Category.DETRACTOR));

        assertThat(RuleEvaluator.matches(cesDetractor, response(NPS_CAMPAIGN, "r", new Score(ScoreType.CES, 3), null, Map.of()))).isTrue();
        assertThat(RuleEvaluator.matches(cesDetractor, response(NPS_CAMPAIGN, "r", new Score(ScoreType.CES, 4), null, Map.of()))).isFalse();
        assertThat(RuleEvaluator.matches(cesDetractor, nps("r", 3, null, null))).isFalse();
        assertThat(RuleEvaluator.matches(new Condition.CategoryIn(null, Set.of(Category.DETRACTOR)), nps("r", 3, null, null))).isTrue();
    }

    @Test
    void matches_responseWithoutScore_matchesNoScoreConditionButTheirNegation() {
        Response partial = response(NPS_CAMPAIGN, "r-partial", null, "half-finished survey", Map.of("country", "BR"));
        Condition band = new Condition.ScoreBetween(null, null, null);
        Condition category = new Condition.CategoryIn(null, Set.of(Category.DETRACTOR, Category.PASSIVE, Category.PROMOTER));

        assertThat(RuleEvaluator.matches(band, partial)).isFalse();
        assertThat(RuleEvaluator.matches(category, partial)).isFalse();
        assertThat(RuleEvaluator.matches(new Condition.Not(band), partial)).isTrue();
        assertThat(RuleEvaluator.matches(new Condition.Not(category), partial)).isTrue();
        assertThat(RuleEvaluator.explain(new Condition.Not(band), partial)).containsExactly("not (score present): no score");
        assertThat(RuleEvaluator.evaluate(List.of(DETRACTOR_BRAZIL), partial).matches()).isEmpty();
    }

    @Test
    void matches_nestedAllAnyNot_combineAsBooleanLogic() {
        // (detractor AND (country BR OR segment vip)) AND NOT comment contains "test"
        Condition nested = new Condition.All(List.of(
                new Condition.CategoryIn(ScoreType.NPS, Set.of(Category.DETRACTOR)),
                new Condition.Any(List.of(attribute("country", AttributeOp.EQ, "BR"), attribute("segment", AttributeOp.EQ, "vip"))),
                new Condition.Not(new Condition.TextContains("comment", "test"))));
        Response vip = withAttributes(nps("r", 4, "US", "slow support"), Map.of("segment", "VIP"));

        assertThat(RuleEvaluator.matches(nested, vip)).isTrue();
        assertThat(RuleEvaluator.matches(nested, nps("r", 4, "US", "slow support"))).isFalse();
        assertThat(RuleEvaluator.matches(nested, nps("r", 4, "BR", "just a TEST"))).isFalse();
        assertThat(RuleEvaluator.matches(nested, nps("r", 7, "BR", "slow"))).isFalse();
        assertThat(RuleEvaluator.explain(nested, vip)).containsExactly(
                "score 4 (NPS) is detractor", "any of: attribute segment = VIP", "not (comment contains \"test\")");
    }

    @Test
    void matches_anyOfAll_explainsTheMatchingBranch() {
        Condition any = new Condition.Any(List.of(
                new Condition.All(List.of(new Condition.ScoreBetween(ScoreType.NPS, 0, 3), attribute("country", AttributeOp.EQ, "US"))),
                new Condition.All(List.of(new Condition.ScoreBetween(ScoreType.NPS, 0, 6), attribute("country", AttributeOp.EQ, "BR")))));

        assertThat(RuleEvaluator.explain(any, BR_DETRACTOR))
                .containsExactly("any of: score 3 (NPS) in 0–6 and attribute country = BR");
    }

    @Test
    void matches_emptyGroups_allHoldsAnyDoesNot() {
        assertThat(RuleEvaluator.matches(new Condition.All(List.of()), BR_DETRACTOR)).isTrue();
        assertThat(RuleEvaluator.matches(new Condition.Any(List.of()), BR_DETRACTOR)).isFalse();
    }

    @Test
    void matches_incompleteConditions_neverMatchAndNeverThrow() {
        List<Condition> incomplete = Arrays.asList(
                null,
                new Condition.Not(null),
                new Condition.Attribute(null, AttributeOp.EQ, List.of("BR")),
                new Condition.Attribute("country", null, List.of("BR")),
                new Condition.Attribute("country", AttributeOp.EQ, List.of()),
                new Condition.Attribute("country", AttributeOp.IN, Arrays.asList((String) null)),
                new Condition.TextContains("comment", null),
                new Condition.Any(Arrays.asList((Condition) null)));

        for (Condition condition : incomplete) {
            assertThat(RuleEvaluator.matches(condition, BR_DETRACTOR)).as(String.valueOf(condition)).isFalse();
        }
    }

    @Test
    void explain_untrustedAttributeValue_isShortenedAndStrippedOfControlCharacters() {
        String hostile = "BR\u0007" + "x".repeat(200);
        Response response = withAttributes(nps("r", 3, null, null), Map.of("country", hostile));

        List<String> lines = RuleEvaluator.explain(attribute("country", AttributeOp.EXISTS), response);

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line).startsWith("attribute country present: BR x").endsWith("…").doesNotContain("\u0007");
            assertThat(line.length()).isLessThan(100);
        });
    }

    @Test
    void describe_rendersConditionWithoutResponse() {
        assertThat(RuleEvaluator.describe(DETRACTOR_BRAZIL.condition()))
                .isEqualTo("all of: NPS score in 0–6; attribute country = BR");
        assertThat(RuleEvaluator.describe(PASSIVE_ROUND_ROBIN.condition()))
                .isEqualTo("all of: NPS category in [passive]; (any of: attribute country in [BR, PT]; attribute language contains \"pt\")");
    }

    @Test
    void priority_withoutMatchingOverride_isOutcomePriority() {
        assertThat(RuleEvaluator.priority(HIGH_VALUE_TRIAGE.outcome(), US_DETRACTOR)).isEqualTo(Priority.NORMAL);
    }
}
