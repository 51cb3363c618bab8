package dev.aims.evidence.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import dev.aims.evidence.privacy.ProtectedValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordValidationTest {

  private static List<String> violations(Runnable build) {
    try {
      build.run();
    } catch (InvalidRecordException e) {
      return e.violations().stream()
          .map(v -> v.path() + " " + v.constraint() + " " + v.value())
          .toList();
    }
    throw new AssertionError("expected an InvalidRecordException");
  }

  @Test
  void aiDecision_withManyProblems_namesEveryOneWithPathConstraintAndValue() {
    assertThat(
            violations(
                () ->
                    AiDecision.builder()
                        .system("Credit Scoring")
                        .occurredAt(Instant.parse("+10000-01-01T00:00:00Z"))
                        .controls(List.of("A.6.2.8", "a.9.2", "A.6.9", "A.6.2.8"))
                        .putRefs("Model Card", "md5:abc")
                        .model(" ")
                        .modelVersion("4.2\n")
                        .input(ProtectedValue.redacted("application"))
                        .output(ProtectedValue.redacted("band C"))
                        .confidence("1.5")
                        .decision("")
                        .traceId("00000000000000000000000000000000")
                        .spanId("XYZ")
                        .build()))
        .containsExactly(
            "system Pattern 'Credit Scoring'",
            "occurredAt Range '+10000-01-01T00:00:00Z'",
            "controls[1] CanonicalId 'a.9.2'",
            "controls[2] KnownControl 'A.6.9'",
            "controls[3] Unique 'A.6.2.8'",
            "refs.Model Card Pattern 'Model Card'",
            "refs.Model Card Digest 'md5:abc'",
            "model NotBlank ' '",
            "modelVersion SingleLine '4.2\n'",
            "decision NotBlank ''",
            "confidence Range '1.5'",
            "traceId TraceContext '00000000000000000000000000000000'",
            "spanId TraceContext 'XYZ'");
  }

  @Test
  void spanId_withoutTraceId_isRejected() {
    assertThat(
            violations(
                () ->
                    AiDecision.builder()
                        .from(EnvelopeTest.decision())
                        .traceId(java.util.Optional.empty())
                        .build()))
        .containsExactly("spanId RequiresTraceId '00f067aa0ba902b7'");
  }

  @Test
  void oversight_overriddenWithoutReason_isRejected() {
    assertThat(violations(() -> HumanOversight.of("uw-117", OversightOutcome.OVERRIDDEN)))
        .containsExactly("overrideReason RequiredWhenOverridden empty");
    assertThat(
            violations(
                () ->
                    OversightAction.builder()
                        .system("credit-scoring")
                        .occurredAt(Instant.EPOCH)
                        .reviewer("uw-1")
                        .outcome(OversightOutcome.OVERRIDDEN)
                        .decisionLeafHash("XY")
                        .build()))
        .containsExactly("reason RequiredWhenOverridden empty", "decisionLeafHash Sha256Hex 'XY'");
  }

  @Test
  void monitoringEvent_valuesMustBeDecimalStrings() {
    assertThat(
            violations(
                () ->
                    MonitoringEvent.builder()
                        .system("credit-scoring")
                        .occurredAt(Instant.EPOCH)
                        .metric("psi")
                        .value("1e-3")
                        .threshold("0.25.1")
                        .kind(MonitoringKind.DRIFT)
                        .breach(true)
                        .build()))
        .containsExactly("value Decimal '1e-3'", "threshold Decimal '0.25.1'");
  }

  @Test
  void keyRotation_needsTwoDifferentVerifierKeys() {
    String vkey = dev.aims.evidence.note.NoteSigner.generate("k").verifier().vkey();
    assertThat(
            violations(
                () ->
                    KeyRotation.builder()
                        .occurredAt(Instant.EPOCH)
                        .previousKey(vkey)
                        .nextKey(vkey)
                        .build()))
        .containsExactly("nextKey Changed '" + vkey + "'");
    assertThat(
            violations(
                () ->
                    KeyRotation.builder()
                        .occurredAt(Instant.EPOCH)
                        .previousKey("not a key")
                        .nextKey(vkey)
                        .build()))
        .singleElement()
        .asString()
        .startsWith("previousKey VerifierKey 'not a key'");
  }

  @Test
  void impactAssessmentEvent_cannotHoldAnAssessmentThatBreaksItsConstraints() {
    assertThatThrownBy(
            () ->
                ImpactAssessmentEvent.of(
                    ImpactAssessment.builder()
                        .from(EnvelopeTest.assessment())
                        .assessor(" ")
                        .build(),
                    Instant.EPOCH))
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e ->
                assertThat(e.violations()).extracting(Violation::path).containsExactly("assessor"));
  }

  @Test
  void unknownControlMessage_namesTheNearestControls() {
    assertThatThrownBy(
            () ->
                AiDecision.builder()
                    .from(EnvelopeTest.decision())
                    .controls(List.of("A.6.2.9"))
                    .build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("controls[0]")
        .hasMessageContaining("A.6.2.9")
        .hasMessageContaining("A.6.2.8");
  }
}
