package dev.aims.core.catalog;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.core.json.AimsJson;
import dev.aims.core.testing.CatalogGen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogJsonPropertiesTest {
  @Test
  void clause_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CatalogGen.clauses(), Clause.class);
  }

  @Test
  void control_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CatalogGen.controls(), Control.class);
  }

  @Test
  void controlObjective_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CatalogGen.controlObjectives(), ControlObjective.class);
  }

  @Test
  void annexAArea_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CatalogGen.areas(), AnnexAArea.class);
  }

  @Test
  void annexCObjective_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CatalogGen.annexCObjectives(), AnnexCObjective.class);
  }

  @Test
  void riskSource_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CatalogGen.riskSources(), RiskSource.class);
  }

  @Test
  void crosswalk_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CatalogGen.crosswalks(), Crosswalk.class);
  }

  @Test
  void crosswalkLink_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CatalogGen.crosswalkLinks(), CrosswalkLink.class);
  }

  @Test
  void crosswalkGap_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CatalogGen.crosswalkGaps(), CrosswalkGap.class);
  }

  @Test
  void frameworkItem_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CatalogGen.frameworkItems(), FrameworkItem.class);
  }

  @Test
  void documentedInformation_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CatalogGen.documentedInformation(), DocumentedInformation.class);
    checkJsonRoundTrip(CatalogGen.bundledDocumentedInformation(), DocumentedInformation.class);
  }

  /**
   * Every bundled entry of every kind, not only a random sample, survives the round trip: the
   * catalogue as shipped can be written out and read back unchanged.
   */
  @Test
  void everyBundledEntry_jsonRoundTripPreservesEquality() throws JsonProcessingException {
    Catalog c = Catalog.standard();
    List<Object> all = new ArrayList<>();
    all.addAll(c.clauses());
    all.addAll(c.areas());
    all.addAll(c.controlObjectives());
    all.addAll(c.controls());
    all.addAll(c.annexCObjectives());
    all.addAll(c.riskSources());
    all.addAll(c.crosswalks());
    c.clauses().forEach(cl -> all.add(cl.documentedInformation()));
    for (Crosswalk x : c.crosswalks()) {
      all.addAll(x.targets());
      all.addAll(x.links());
      all.addAll(x.gaps());
    }
    assertThat(all).hasSizeGreaterThan(43 + 9 + 10 + 38 + 11 + 7 + 5);
    for (Object value : all) {
      String json = AimsJson.mapper().writeValueAsString(value);
      Object back = AimsJson.mapper().readValue(json, publicType(value));
      assertThat(back).as(json).isEqualTo(value);
    }
  }

  /** A control whose purpose is blanked out is rejected, naming the control and the field. */
  @Test
  void control_withBlankPurpose_isRejectedNamingTheField() {
    qt().withExamples(50)
        .forAll(CatalogGen.controls())
        .checkAssert(
            control ->
                assertThat(
                        catchThrowable(() -> Control.builder().from(control).purpose(" ").build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(
                        "control " + control.id() + ": purpose must not be blank"));
  }

  private static Class<?> publicType(Object value) {
    for (Class<?> t :
        List.of(
            Clause.class,
            AnnexAArea.class,
            ControlObjective.class,
            Control.class,
            AnnexCObjective.class,
            RiskSource.class,
            Crosswalk.class,
            DocumentedInformation.class,
            FrameworkItem.class,
            CrosswalkLink.class,
            CrosswalkGap.class)) {
      if (t.isInstance(value)) {
        return t;
      }
    }
    throw new AssertionError("no public catalogue type for " + value.getClass());
  }
}
