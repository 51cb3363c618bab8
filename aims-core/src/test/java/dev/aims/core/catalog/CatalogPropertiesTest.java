package dev.aims.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class CatalogPropertiesTest {
  private static final Catalog CATALOG = Catalog.standard();

  /** Each rejected id builds an exception with a stack trace; a few hundred cover the shapes. */
  private static final int EXAMPLES = 300;

  private static final List<String> CONTROL_IDS =
      CATALOG.controls().stream().map(Control::id).toList();

  /** A control id with each letter upper- or lower-cased at random. */
  private static Gen<String[]> controlIdInAnyCase() {
    return SourceDSL.integers()
        .between(0, CONTROL_IDS.size() - 1)
        .zip(
            SourceDSL.booleans().all(),
            (i, lower) -> {
              String id = CONTROL_IDS.get(i);
              return new String[] {id, lower ? id.toLowerCase(Locale.ROOT) : id};
            });
  }

  @Test
  void controlIds_roundTripThroughLookupInAnyLetterCase() {
    qt().forAll(controlIdInAnyCase())
        .checkAssert(
            pair -> {
              assertThat(CATALOG.control(pair[1]).id()).isEqualTo(pair[0]);
              assertThat(CATALOG.isControl(pair[1])).isTrue();
            });
  }

  /** Ids shaped like Annex A or clause ids with random numbers: most are not in the standard. */
  private static Gen<String> idShapedStrings() {
    Gen<Integer> n = SourceDSL.integers().between(0, 14);
    Gen<String> annexA = n.zip(n, n, (a, b, c) -> "A." + a + "." + b + (c % 3 == 0 ? "" : "." + c));
    Gen<String> clause = n.zip(n, n, (a, b, c) -> a + "." + b + (c % 2 == 0 ? "" : "." + c));
    Gen<String> annexC = n.zip(n, (a, b) -> "C." + a + "." + b);
    return annexA.mix(clause).mix(annexC, 33);
  }

  @Test
  void inventedIds_areRejectedWithSuggestionsThatAreRealIds() {
    qt().withExamples(EXAMPLES)
        .forAll(idShapedStrings())
        .assuming(id -> !CATALOG.isControl(id))
        .checkAssert(
            id -> {
              UnknownIdException e =
                  catchThrowableOfType(() -> CATALOG.control(id), UnknownIdException.class);
              assertThat(e).as(id).isNotNull();
              assertThat(e.getMessage()).contains(id);
              if (e.knownAs().isPresent()) {
                assertOtherKind(e);
              } else {
                assertThat(e.suggestions()).hasSize(3).allMatch(CATALOG::isControl);
              }
            });
    qt().withExamples(EXAMPLES)
        .forAll(idShapedStrings())
        .assuming(id -> !CATALOG.isClause(id))
        .checkAssert(
            id -> {
              UnknownIdException e =
                  catchThrowableOfType(() -> CATALOG.clause(id), UnknownIdException.class);
              if (e.knownAs().isPresent()) {
                assertOtherKind(e);
              } else {
                assertThat(e.suggestions()).hasSize(3).allMatch(CATALOG::isClause);
              }
            });
  }

  /** An id of another kind is never called unknown, and what to ask instead really exists. */
  private static void assertOtherKind(UnknownIdException e) {
    assertThat(e.getMessage()).doesNotContain("not in ISO/IEC 42001");
    assertThat(e.suggestions())
        .isNotEmpty()
        .allMatch(
            s ->
                CATALOG.isControl(s)
                    || CATALOG.isClause(s)
                    || CATALOG.isAnnexCObjective(s)
                    || CATALOG.isRiskSource(s));
  }

  @Test
  void inventedSiblingOfARealControl_suggestsARealSiblingFirst() {
    // A.x.y.N with N beyond the last control of objective A.x.y: the nearest is in A.x.y.
    qt().withExamples(EXAMPLES)
        .forAll(
            SourceDSL.integers().between(0, CONTROL_IDS.size() - 1),
            SourceDSL.integers().between(10, 99))
        .checkAssert(
            (i, n) -> {
              String real = CONTROL_IDS.get(i);
              String parent = real.substring(0, real.lastIndexOf('.'));
              String invented = parent + "." + n;
              UnknownIdException e =
                  catchThrowableOfType(() -> CATALOG.control(invented), UnknownIdException.class);
              assertThat(e.suggestions().get(0)).startsWith(parent + ".");
            });
  }
}
