package dev.aims.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.core.json.AimsJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogViewsTest {
  private static final Catalog CATALOG = Catalog.standard();

  private static List<String> fieldNames(Object view) {
    JsonNode json = AimsJson.mapper().valueToTree(view);
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void controlView_gathersAreaObjectiveAndLinksByFrameworkKey() {
    CatalogViews.ControlView v = CatalogViews.ControlView.of(CATALOG, CATALOG.control("A.6.2.8"));
    assertThat(v.control().id()).isEqualTo("A.6.2.8");
    assertThat(v.area().title()).isEqualTo("AI system life cycle");
    assertThat(v.objective().id()).isEqualTo(v.control().objectiveId());
    assertThat(v.crosswalks().get("nist-ai-rmf")).hasSize(3);
    List<String> frameworkOrder =
        Arrays.stream(Framework.values())
            .map(Framework::key)
            .filter(v.crosswalks()::containsKey)
            .toList();
    assertThat(v.crosswalks().keySet()).containsExactlyElementsOf(frameworkOrder);
    assertThat(fieldNames(v)).containsExactly("control", "area", "objective", "crosswalks");
  }

  @Test
  void clauseView_listsSubClausesAndSupportingControlsById() {
    CatalogViews.ClauseView v = CatalogViews.ClauseView.of(CATALOG, CATALOG.clause("6.1"));
    assertThat(v.children()).contains("6.1.1", "6.1.4").allMatch(id -> id.startsWith("6.1."));
    assertThat(v.supportingControls())
        .containsExactlyElementsOf(
            CATALOG.controlsSupporting("6.1").stream().map(Control::id).toList());
    assertThat(fieldNames(v))
        .containsExactly("clause", "children", "supportingControls", "crosswalks");
  }

  @Test
  void listing_andAnnexC_holdTheWholeParts() {
    CatalogViews.Listing l = CatalogViews.Listing.of(CATALOG);
    assertThat(l.standard()).isEqualTo("ISO/IEC 42001:2023");
    assertThat(l.clauses()).isEqualTo(CATALOG.clauses());
    assertThat(l.controls()).isEqualTo(CATALOG.controls());
    assertThat(fieldNames(l))
        .containsExactly("standard", "clauses", "areas", "controlObjectives", "controls");
    CatalogViews.AnnexC c = CatalogViews.AnnexC.of(CATALOG);
    assertThat(c.riskSources()).isEqualTo(CATALOG.riskSources());
    assertThat(fieldNames(c)).containsExactly("numbering", "objectives", "riskSources");
  }
}
