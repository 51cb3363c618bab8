package dev.aims.core.competence;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AwarenessRecordTest {
  static AwarenessRecord example() {
    return AwarenessRecord.builder()
        .id("AW-2026-02")
        .addParticipants("Credit operations team", "Customer service team")
        .addTopics(
            AwarenessTopic.AI_POLICY,
            AwarenessTopic.CONTRIBUTION_TO_EFFECTIVENESS,
            AwarenessTopic.CONSEQUENCES_OF_NONCONFORMITY,
            AwarenessTopic.REPORTING_CONCERNS_AND_INCIDENTS)
        .deliveredOn(LocalDate.of(2026, 2, 10))
        .method(AwarenessMethod.SESSION)
        .materials("DOC-AIMS-014 awareness slides v2")
        .build();
  }

  @Test
  void isClause73Complete_needsTheThreeRequiredTopics() {
    assertThat(RecordValidator.validate(example(), "AwarenessRecord").isClause73Complete())
        .isTrue();
    assertThat(
            AwarenessRecord.builder()
                .from(example())
                .topics(Set.of(AwarenessTopic.AI_POLICY, AwarenessTopic.RESPONSIBLE_USE))
                .build()
                .isClause73Complete())
        .isFalse();
    assertThat(AwarenessTopic.required()).hasSize(3);
  }

  @Test
  void check_rejectsRepeatedParticipant() {
    assertThatThrownBy(
            () ->
                AwarenessRecord.builder()
                    .from(example())
                    .participants(List.of("Team A", "Team B", "Team A"))
                    .build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("participants[2]: repeats an earlier entry of participants")
        .hasMessageContaining("value: 'Team A'");
  }

  @Test
  void build_rejectsFieldViolations() {
    assertThat(
            rejected(
                () ->
                    AwarenessRecord.builder()
                        .from(example())
                        .participants(List.of())
                        .topics(Set.of())
                        .materials("")
                        .build()))
        .extracting(Violation::path)
        .containsExactly("materials", "participants", "topics");
  }

  @Test
  void json_roundTripsWithoutHelper() throws Exception {
    String json = AimsJson.mapper().writeValueAsString(example());
    assertThat(json).doesNotContain("clause73");
    assertThat(AimsJson.mapper().readValue(json, AwarenessRecord.class)).isEqualTo(example());
  }
}
