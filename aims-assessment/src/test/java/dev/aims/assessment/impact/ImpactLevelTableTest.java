package dev.aims.assessment.impact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.impact.Assessments.Inputs;
import dev.aims.core.impact.ImpactLevel;
import dev.aims.core.impact.Reversibility;
import dev.aims.core.impact.Severity;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.OutputType;
import dev.aims.core.system.PopulationScale;
import dev.aims.core.system.Vulnerability;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The classifier held to its level table, case by case. Each case is written from the table's
 * words: Low is a limited, easily reversible impact on non-vulnerable people; Medium a moderate,
 * partially reversible impact on some vulnerable people; High a significant, hard-to-reverse impact
 * on vulnerable people or society. The reason is either {@code row}, when the level is the row the
 * table's dimensions give, or the id of the named rule that lifts the case above that row.
 */
class ImpactLevelTableTest {
  @ParameterizedTest(name = "{0} -> {9} ({10})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Low words: limited, easily reversible, non-vulnerable staff (meeting summaries) | CONTENT_GENERATION | OTHER | NOT_VULNERABLE | MINOR | REVERSIBLE | false | HUMAN_IN_COMMAND | SMALL | LOW | row
          Low words, negligible: a spelling checker | CONTENT_GENERATION | OTHER | NOT_VULNERABLE | NEGLIGIBLE | REVERSIBLE | false | HUMAN_IN_COMMAND | MEDIUM | LOW | row
          Low words: photo de-duplicator, no oversight, classifies photos not people | CLASSIFICATION | OTHER | NOT_VULNERABLE | NEGLIGIBLE | REVERSIBLE | false | NONE | LARGE | LOW | row
          Low words, reaching a whole country: still Low, scale is not in the table | RECOMMENDATION | OTHER | NOT_VULNERABLE | MINOR | REVERSIBLE | false | HUMAN_ON_THE_LOOP | VERY_LARGE | LOW | row
          Low words in employment, content only: drafting job adverts | CONTENT_GENERATION | EMPLOYMENT | NOT_VULNERABLE | MINOR | REVERSIBLE | false | HUMAN_IN_THE_LOOP | MEDIUM | LOW | row
          Low words, but screening job applicants (decision support): Annex III area | DECISION_SUPPORT | EMPLOYMENT | NOT_VULNERABLE | MINOR | REVERSIBLE | false | HUMAN_IN_THE_LOOP | MEDIUM | MEDIUM | AISIA-M1
          Same screening labelled recommendation: a person still decides | RECOMMENDATION | EMPLOYMENT | NOT_VULNERABLE | MINOR | REVERSIBLE | false | HUMAN_IN_THE_LOOP | MEDIUM | MEDIUM | AISIA-M1
          Low words, autonomous exam marking in education: Annex III area | AUTONOMOUS_DECISION | EDUCATION | NOT_VULNERABLE | MINOR | REVERSIBLE | false | HUMAN_ON_THE_LOOP | MEDIUM | MEDIUM | AISIA-M1
          Medium words: moderate, partially reversible, some vulnerable customers (chat assistant) | CONTENT_GENERATION | OTHER | POTENTIALLY_VULNERABLE | MODERATE | REVERSIBLE_WITH_EFFORT | false | HUMAN_ON_THE_LOOP | LARGE | MEDIUM | row
          Medium words, product recommendations | RECOMMENDATION | OTHER | POTENTIALLY_VULNERABLE | MODERATE | REVERSIBLE_WITH_EFFORT | false | HUMAN_IN_COMMAND | LARGE | MEDIUM | row
          Medium words, autonomous but outside any named area (warehouse routing) | AUTONOMOUS_DECISION | OTHER | POTENTIALLY_VULNERABLE | MODERATE | REVERSIBLE_WITH_EFFORT | false | NONE | MEDIUM | MEDIUM | row
          Medium words in credit scoring (decision support): Annex III point 5 | DECISION_SUPPORT | FINANCIAL_SERVICES | POTENTIALLY_VULNERABLE | MODERATE | REVERSIBLE_WITH_EFFORT | false | HUMAN_IN_THE_LOOP | LARGE | HIGH | AISIA-H2
          Same credit scoring labelled recommendation: the level does not flip | RECOMMENDATION | FINANCIAL_SERVICES | POTENTIALLY_VULNERABLE | MODERATE | REVERSIBLE_WITH_EFFORT | false | HUMAN_IN_THE_LOOP | LARGE | HIGH | AISIA-H2
          Medium words, risk classification for policing: Annex III | CLASSIFICATION | LAW_ENFORCEMENT | POTENTIALLY_VULNERABLE | MODERATE | REVERSIBLE_WITH_EFFORT | false | HUMAN_IN_THE_LOOP | MEDIUM | HIGH | AISIA-H2
          Medium words, triage prediction in health care: Annex I | PREDICTION | HEALTHCARE | POTENTIALLY_VULNERABLE | MODERATE | REVERSIBLE_WITH_EFFORT | false | HUMAN_IN_THE_LOOP | MEDIUM | HIGH | AISIA-H3
          High words: significant, hard to reverse, vulnerable people | CONTENT_GENERATION | OTHER | VULNERABLE | MAJOR | IRREVERSIBLE | false | HUMAN_IN_THE_LOOP | SMALL | HIGH | row
          High words: significant, hard to reverse, society | RECOMMENDATION | OTHER | NOT_VULNERABLE | MAJOR | IRREVERSIBLE | true | HUMAN_IN_COMMAND | VERY_LARGE | HIGH | row
          High words in credit: row and Annex III agree | DECISION_SUPPORT | FINANCIAL_SERVICES | VULNERABLE | MAJOR | IRREVERSIBLE | true | HUMAN_IN_THE_LOOP | LARGE | HIGH | row
          Mixed: significant but easily reversible, non-vulnerable: weighted Medium | CONTENT_GENERATION | OTHER | NOT_VULNERABLE | MAJOR | REVERSIBLE | false | HUMAN_IN_COMMAND | SMALL | MEDIUM | row
          Mixed: limited but hard to reverse, vulnerable: weighted Medium | CONTENT_GENERATION | OTHER | VULNERABLE | MINOR | IRREVERSIBLE | false | HUMAN_IN_COMMAND | SMALL | MEDIUM | row
          Mixed: moderate, easily reversible, non-vulnerable: weighted Medium | CONTENT_GENERATION | OTHER | NOT_VULNERABLE | MODERATE | REVERSIBLE | false | HUMAN_IN_COMMAND | SMALL | MEDIUM | row
          Mixed: limited, partially reversible, non-vulnerable: weighted Low | CONTENT_GENERATION | OTHER | NOT_VULNERABLE | MINOR | REVERSIBLE_WITH_EFFORT | false | HUMAN_IN_COMMAND | SMALL | LOW | row
          Mixed: limited, easily reversible, some vulnerable: weighted Low | CONTENT_GENERATION | OTHER | POTENTIALLY_VULNERABLE | MINOR | REVERSIBLE | false | HUMAN_IN_COMMAND | SMALL | LOW | row
          Mixed: limited, easily reversible, but society: weighted Medium | CONTENT_GENERATION | OTHER | NOT_VULNERABLE | MINOR | REVERSIBLE | true | HUMAN_IN_COMMAND | SMALL | MEDIUM | row
          Mixed: significant, hard to reverse, non-vulnerable: weighted High | CONTENT_GENERATION | OTHER | NOT_VULNERABLE | MAJOR | IRREVERSIBLE | false | HUMAN_IN_COMMAND | SMALL | HIGH | row
          Mixed: significant, partially reversible, some vulnerable: weighted High | CONTENT_GENERATION | OTHER | POTENTIALLY_VULNERABLE | MAJOR | REVERSIBLE_WITH_EFFORT | false | HUMAN_IN_COMMAND | SMALL | HIGH | row
          Critical outcome, easily reversible, non-vulnerable: beyond significant | CONTENT_GENERATION | OTHER | NOT_VULNERABLE | CRITICAL | REVERSIBLE | false | HUMAN_IN_COMMAND | SMALL | HIGH | AISIA-H1
          """)
  void level_followsTheTableRowOrANamedRule(
      String description,
      OutputType output,
      ImpactDomain domain,
      Vulnerability vulnerability,
      Severity severity,
      Reversibility reversibility,
      boolean society,
      HumanOversightMode oversight,
      PopulationScale scale,
      ImpactLevel expected,
      String reason) {
    Inputs in =
        new Inputs(
            output,
            domain,
            scale,
            vulnerability,
            severity,
            reversibility,
            oversight,
            true,
            false,
            society);
    ImpactExplanation e = ImpactClassifier.explain(in.assessment());
    assertThat(e.level()).as(description).isEqualTo(expected);
    assertThat(ImpactClassifier.level(in.assessment())).as(description).isEqualTo(expected);
    if (reason.equals("row")) {
      assertThat(e.tableLevel()).as(description).isEqualTo(expected);
      assertThat(e.conclusion()).as(description).contains("so the level is " + expected);
    } else {
      assertThat(e.tableLevel()).as(description).isLessThan(expected);
      assertThat(e.conclusion()).as(description).contains(reason + " raises it to " + expected);
      assertThat(e.firedRules())
          .as(description)
          .anySatisfy(r -> assertThat(r.id()).isEqualTo(reason));
    }
  }
}
