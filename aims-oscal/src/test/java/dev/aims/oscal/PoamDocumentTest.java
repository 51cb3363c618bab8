package dev.aims.oscal;

import static dev.aims.oscal.AssessmentFixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.assessment.roadmap.Roadmap;
import dev.aims.assessment.roadmap.RoadmapAction;
import dev.aims.assessment.roadmap.RoadmapPlanner;
import dev.aims.core.records.AimsRecords;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class PoamDocumentTest {
  private static final AimsRecords SAMPLES = AssessmentFixtures.samples();

  private static List<JsonNode> items(JsonNode doc) {
    return StreamSupport.stream(
            doc.at("/plan-of-action-and-milestones/poam-items").spliterator(), false)
        .toList();
  }

  private static String prop(JsonNode item, String name) {
    return StreamSupport.stream(item.get("props").spliterator(), false)
        .filter(p -> p.get("name").asText().equals(name))
        .map(p -> p.get("value").asText())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void ofTheSamples_isSchemaValid_andImportsTheSsp() {
    Roadmap roadmap = RoadmapPlanner.plan(SAMPLES, AS_OF);
    String json = PoamDocument.toJson(SAMPLES, AS_OF, roadmap);
    assertThat(OscalSchemas.violations("poam", json)).isEmpty();
    assertThat(json).contains("\"href\" : \"ssp.json\"");
  }

  @Test
  void oneItemPerRoadmapAction_withItsHorizonDuePriorityAndTiming() {
    Roadmap roadmap = RoadmapPlanner.plan(SAMPLES, AS_OF);
    assertThat(roadmap.actions()).isNotEmpty();
    List<JsonNode> items = items(PoamDocument.of(SAMPLES, AS_OF, roadmap));
    assertThat(items).hasSize(roadmap.actions().size());
    for (int i = 0; i < items.size(); i++) {
      RoadmapAction a = roadmap.actions().get(i);
      JsonNode item = items.get(i);
      assertThat(item.get("title").asText()).isEqualTo(a.ref() + " " + a.title());
      assertThat(item.get("description").asText()).startsWith(a.action());
      assertThat(prop(item, "horizon")).isEqualTo(a.horizon().label());
      assertThat(prop(item, "due")).isEqualTo(a.due().toString());
      assertThat(prop(item, "priority")).isEqualTo(a.priority().label());
      assertThat(prop(item, "timing")).isEqualTo(a.timing());
    }
  }

  @Test
  void ofEmptyRecords_isSchemaValid_andNamesTheClausesAsControls() {
    Roadmap roadmap = RoadmapPlanner.plan(AimsRecords.empty(), AS_OF);
    JsonNode doc = PoamDocument.of(AimsRecords.empty(), AS_OF, roadmap);
    assertThat(OscalSchemas.violations("poam", OscalJson.write(doc))).isEmpty();
    assertThat(items(doc))
        .anySatisfy(i -> assertThat(prop(i, "control-id")).isEqualTo("clause-6.1.4"));
  }

  @Test
  void anEmptyRoadmap_givesOneItemSayingNothingIsOpen_andStaysValid() {
    JsonNode doc = PoamDocument.of(SAMPLES, AS_OF, new Roadmap("Example", AS_OF, List.of()));
    assertThat(OscalSchemas.violations("poam", OscalJson.write(doc))).isEmpty();
    assertThat(items(doc))
        .singleElement()
        .satisfies(i -> assertThat(prop(i, "open-actions")).isEqualTo("0"));
  }

  @Test
  void twoExports_areByteIdentical_andItemUuidsFollowTheReferenceNotTheRank() {
    Roadmap roadmap = RoadmapPlanner.plan(SAMPLES, AS_OF);
    String a = PoamDocument.toJson(SAMPLES, AS_OF, roadmap);
    assertThat(PoamDocument.toJson(SAMPLES, AS_OF, roadmap)).isEqualTo(a);
    List<RoadmapAction> withoutFirst = roadmap.actions().subList(1, roadmap.actions().size());
    List<JsonNode> fewer =
        items(PoamDocument.of(SAMPLES, AS_OF, new Roadmap("x", AS_OF, withoutFirst)));
    List<JsonNode> all = items(PoamDocument.of(SAMPLES, AS_OF, roadmap));
    assertThat(fewer).isEqualTo(all.subList(1, all.size()));
  }

  @Test
  void aRoadmapOfAnotherDay_isRefused() {
    Roadmap roadmap = RoadmapPlanner.plan(SAMPLES, AS_OF.minusDays(1));
    assertThatThrownBy(() -> PoamDocument.of(SAMPLES, AS_OF, roadmap))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("roadmap")
        .hasMessageContaining("2026-12-05");
  }
}
