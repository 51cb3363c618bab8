package dev.aims.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * An id that is in the standard but names another kind of entry than was asked for is not reported
 * as "not in the standard": the message says what it is and what to ask for instead.
 */
class OtherKindIdTest {
  private static final Catalog CATALOG = Catalog.standard();

  @Test
  void controlObjective_askedAsControl_namesItsControls() {
    assertThatThrownBy(() -> CATALOG.control("A.6.1"))
        .isInstanceOfSatisfying(
            UnknownIdException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "'A.6.1' is control objective A.6.1 of Annex A (Management guidance for AI"
                          + " system development), not a control; its controls are A.6.1.2,"
                          + " A.6.1.3")
                  .doesNotContain("not in ISO/IEC 42001");
              assertThat(e.knownAs()).contains("control objective");
              assertThat(e.suggestions()).containsExactly("A.6.1.2", "A.6.1.3");
            });
  }

  @Test
  void area_askedAsControl_namesItsObjectivesAndControls() {
    assertThatThrownBy(() -> CATALOG.control("a.6"))
        .isInstanceOfSatisfying(
            UnknownIdException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith(
                      "'a.6' is Annex A area A.6 (AI system life cycle) with the control"
                          + " objectives A.6.1 and A.6.2, not a control; its controls are A.6.1.2,")
                  .endsWith("A.6.2.8");
              assertThat(e.suggestions()).hasSize(9);
            });
    assertThatThrownBy(() -> CATALOG.control("A.7"))
        .hasMessageContaining("which is also its control objective, not a control")
        .hasMessageEndingWith("A.7.2, A.7.3, A.7.4, A.7.5, A.7.6");
  }

  @Test
  void clause3Term_askedAsClause_saysItIsATermAndWhereItMatters() {
    assertThatThrownBy(() -> CATALOG.clause("3.24"))
        .isInstanceOfSatisfying(
            UnknownIdException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith(
                      "'3.24' is term 3.24 of Clause 3 (Terms and definitions), 'AI system impact"
                          + " assessment', not a clause: Clause 3 defines terms and sets no"
                          + " requirements")
                  .contains("the term matters in 6.1.4, 8.4, A.5.2")
                  .doesNotContain("not in ISO/IEC 42001");
              assertThat(e.knownAs()).contains("Clause 3 term");
              assertThat(e.suggestions()).startsWith("6.1.4", "8.4");
            });
  }

  @Test
  void requirementFreeClause_askedAsClause_pointsToClauses4To10() {
    assertThatThrownBy(() -> CATALOG.clause("3"))
        .hasMessage(
            "'3' is Clause 3 (Terms and definitions), which sets no requirements, not a clause of"
                + " this catalogue: the requirements are in Clauses 4 to 10");
  }

  @Test
  void controlAskedAsClause_andClauseAskedAsControl_sayWhatTheyAre() {
    assertThatThrownBy(() -> CATALOG.clause("A.6.2.8"))
        .hasMessage(
            "'A.6.2.8' is Annex A control A.6.2.8 (AI system recording of event logs), not a"
                + " clause");
    assertThatThrownBy(() -> CATALOG.control("6.1.4"))
        .hasMessage(
            "'6.1.4' is clause 6.1.4 (AI system impact assessment), not a control; the controls"
                + " that support it are A.5.2, A.5.3, A.5.4, A.5.5");
    assertThatThrownBy(() -> CATALOG.control("C.2.5"))
        .hasMessage("'C.2.5' is Annex C objective C.2.5 (Fairness), not a control");
  }

  @Test
  void unknownCrosswalk_isNotCalledAnIdOfTheStandard_andListsTheKnownOnes() {
    assertThatThrownBy(() -> CATALOG.crosswalk("foo"))
        .isInstanceOfSatisfying(
            UnknownIdException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("unknown crosswalk 'foo'; the known crosswalks are ")
                  .doesNotContain("ISO/IEC 42001");
              for (Framework f : Framework.values()) {
                assertThat(e.getMessage()).contains(f.key());
              }
              assertThat(e.suggestions()).hasSize(Framework.values().length);
            });
  }
}
