package dev.aims.evidence.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.impact.DescribedImpact;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.Reversibility;
import dev.aims.core.impact.Severity;
import dev.aims.core.incident.IncidentSeverity;
import dev.aims.core.incident.IncidentStatus;
import dev.aims.core.system.AffectedPopulation;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.OutputType;
import dev.aims.core.system.PopulationScale;
import dev.aims.core.system.Vulnerability;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.ProtectedValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
  static final Instant OCCURRED = Instant.parse("2026-03-01T09:30:00.120Z");
  static final Instant RECORDED = Instant.parse("2026-03-01T09:30:00.121456Z");

  static AiDecision decision() {
    return AiDecision.builder()
        .system("credit-scoring")
        .occurredAt(OCCURRED)
        .model("risk-gbm")
        .modelVersion("4.2.0")
        .input(new Commitment("ab".repeat(32)))
        .output(ProtectedValue.redacted("score band C"))
        .confidence("0.87")
        .decision("refer to underwriter")
        .oversight(
            HumanOversight.builder()
                .reviewer("uw-117")
                .outcome(OversightOutcome.OVERRIDDEN)
                .overrideReason("income verified by phone")
                .build())
        .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
        .spanId("00f067aa0ba902b7")
        .putRefs("model-card", "sha256:" + "cd".repeat(32))
        .build();
  }

  static ImpactAssessment assessment() {
    return ImpactAssessment.builder()
        .systemId("credit-scoring")
        .assessedOn(LocalDate.parse("2026-02-10"))
        .assessor("AI governance board")
        .intendedPurpose("score consumer credit applications")
        .outputType(OutputType.DECISION_SUPPORT)
        .impactDomain(ImpactDomain.FINANCIAL_SERVICES)
        .affectedPopulation(
            AffectedPopulation.builder()
                .scale(PopulationScale.LARGE)
                .vulnerability(Vulnerability.POTENTIALLY_VULNERABLE)
                .description("retail loan applicants")
                .build())
        .severity(Severity.MAJOR)
        .reversibility(Reversibility.REVERSIBLE_WITH_EFFORT)
        .humanOversight(HumanOversightMode.HUMAN_IN_THE_LOOP)
        .addImpactsOnIndividuals(DescribedImpact.adverse("wrongful refusal of credit"))
        .reassessmentInterval(Period.ofYears(1))
        .build();
  }

  static List<EvidenceRecord> oneOfEachType() {
    NoteSigner a = NoteSigner.generate("example.com/a");
    NoteSigner b = NoteSigner.generate("example.com/b");
    return List.of(
        decision(),
        MonitoringEvent.builder()
            .system("credit-scoring")
            .occurredAt(OCCURRED)
            .metric("approval-rate-gap")
            .value("0.031")
            .threshold("0.05")
            .kind(MonitoringKind.BIAS)
            .breach(false)
            .build(),
        OversightAction.builder()
            .system("credit-scoring")
            .occurredAt(OCCURRED)
            .reviewer("uw-9")
            .outcome(OversightOutcome.REJECTED)
            .reason("documents inconsistent")
            .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
            .decisionLeafHash("ef".repeat(32))
            .build(),
        AiIncidentEvent.builder()
            .system("credit-scoring")
            .occurredAt(OCCURRED)
            .incidentId("INC-2031")
            .severity(IncidentSeverity.HIGH)
            .status(IncidentStatus.CONTAINED)
            .summary("scores drifted for one region; model rolled back")
            .build(),
        KeyRotation.builder()
            .occurredAt(OCCURRED)
            .previousKey(a.verifier().vkey())
            .nextKey(b.verifier().vkey())
            .reason("yearly")
            .build(),
        ImpactAssessmentEvent.of(assessment(), OCCURRED));
  }

  @Test
  void encode_writesTheEnvelopeWithEveryKeyInCanonicalOrder() {
    String leaf = new String(Envelope.encode(decision(), RECORDED), StandardCharsets.UTF_8);
    assertThat(leaf)
        .isEqualTo(
            "{\"body\":{\"confidence\":\"0.87\",\"decision\":\"refer to underwriter\","
                + "\"input\":{\"commitment\":\"sha256:"
                + "ab".repeat(32)
                + "\"},\"model\":\"risk-gbm\",\"modelVersion\":\"4.2.0\","
                + "\"output\":{\"redacted\":\"score band C\"},"
                + "\"oversight\":{\"outcome\":\"OVERRIDDEN\","
                + "\"overrideReason\":\"income verified by phone\",\"reviewer\":\"uw-117\"},"
                + "\"spanId\":\"00f067aa0ba902b7\",\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"},"
                + "\"controls\":[\"A.6.2.8\"],\"occurredAt\":\"2026-03-01T09:30:00.120Z\","
                + "\"recordedAt\":\"2026-03-01T09:30:00.121456Z\","
                + "\"refs\":{\"model-card\":\"sha256:"
                + "cd".repeat(32)
                + "\"},\"schema\":\"dev.aims.evidence/v1\",\"system\":\"credit-scoring\","
                + "\"type\":\"ai-decision\"}");
  }

  @Test
  void encode_ofEveryType_isCanonicalAndDecodesToTheSameRecord() {
    for (EvidenceRecord record : oneOfEachType()) {
      byte[] leaf = Envelope.encode(record, RECORDED);
      assertThat(CanonicalJson.canonicalizeStrict(leaf))
          .as("%s leaf is canonical", record.type())
          .isEqualTo(leaf);
      LoggedRecord back = Envelope.decode(7, leaf);
      assertThat(back.index()).isEqualTo(7);
      assertThat(back.type()).isEqualTo(record.type());
      assertThat(back.system()).isEqualTo(record.system());
      assertThat(back.occurredAt()).isEqualTo(record.occurredAt());
      assertThat(back.recordedAt()).isEqualTo(RECORDED);
      assertThat(back.controls()).isEqualTo(record.type().defaultControls());
      assertThat(back.record()).isEqualTo(record);
      assertThat(back.entry()).isEqualTo(leaf);
    }
  }

  @Test
  void encode_escapesStringsAsRfc8785Requires() {
    String text = "quote \" backslash \\ newline \n tab \t bell \u0007 del \u007f é € 😀";
    AiDecision d = AiDecision.builder().from(decision()).decision(text).build();
    byte[] leaf = Envelope.encode(d, RECORDED);
    String json = new String(leaf, StandardCharsets.UTF_8);
    assertThat(json)
        .contains(
            "\"decision\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 del \u007f"
                + " é € 😀\"");
    assertThat(CanonicalJson.canonicalizeStrict(leaf)).isEqualTo(leaf);
    assertThat(((AiDecision) Envelope.decode(0, leaf).record()).decision()).isEqualTo(text);
  }

  @Test
  void decode_ofBytesThatAreNotOurLeaf_namesThePath() {
    assertThatThrownBy(() -> Envelope.decode(3, "not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            MalformedLeafException.class, e -> assertThat(e.path()).isEqualTo("$"))
        .hasMessageContaining("entry 3");
    String other =
        new String(Envelope.encode(decision(), RECORDED), StandardCharsets.UTF_8)
            .replace("dev.aims.evidence/v1", "other/v9");
    assertThatThrownBy(() -> Envelope.decode(4, other.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            MalformedLeafException.class, e -> assertThat(e.path()).isEqualTo("$.schema"))
        .hasMessageContaining("'other/v9'");
    String noModel =
        new String(Envelope.encode(decision(), RECORDED), StandardCharsets.UTF_8)
            .replace("\"model\":\"risk-gbm\",", "");
    LoggedRecord shallow = Envelope.decode(5, noModel.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(shallow::record)
        .isInstanceOfSatisfying(
            MalformedLeafException.class, e -> assertThat(e.path()).isEqualTo("$.body.model"))
        .hasMessageContaining("is missing");
  }

  @Test
  void encode_ofALeafOverTheTileLimit_isRejectedNamingTheSize() {
    ImpactAssessment.Builder big = ImpactAssessment.builder().from(assessment());
    for (int i = 0; i < 40; i++) {
      big.addImpactsOnSociety(DescribedImpact.adverse("effect " + i + " " + "x".repeat(2000)));
    }
    ImpactAssessmentEvent event = ImpactAssessmentEvent.of(big.build(), OCCURRED);
    assertThatThrownBy(() -> Envelope.encode(event, RECORDED))
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("(record)");
                          assertThat(v.constraint()).isEqualTo("MaxEntrySize");
                          assertThat(v.value()).endsWith(" bytes");
                        }));
  }
}
