package dev.aims.evidence.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.privacy.ProtectedValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AiDecisionAttributesTest {
  private static final Instant T = Instant.parse("2026-03-01T09:30:00Z");

  private static AiDecision.Builder decision() {
    return AiDecision.builder()
        .system("credit-assistant")
        .occurredAt(T)
        .model("local-faq-1")
        .modelVersion("2026.11")
        .input(ProtectedValue.redacted("question about a decision"))
        .output(ProtectedValue.redacted("explanation"))
        .decision("answered");
  }

  @Test
  void attributes_areWrittenCanonicallyAndReadBack() {
    AiDecision d =
        decision()
            .confidence("0.9")
            .putAttributes("gen_ai.usage.input_tokens", "6")
            .putAttributes("gen_ai.provider.name", "local")
            .build();

    byte[] leaf = Envelope.encode(d, T);

    assertThat(CanonicalJson.canonicalizeStrict(leaf)).isEqualTo(leaf);
    assertThat(new String(leaf, StandardCharsets.UTF_8))
        .contains(
            "{\"attributes\":{\"gen_ai.provider.name\":\"local\","
                + "\"gen_ai.usage.input_tokens\":\"6\"},\"confidence\":\"0.9\",\"decision\":");
    assertThat(Envelope.decode(0, leaf).record()).isEqualTo(d);
  }

  @Test
  void attributes_withoutConfidence_stayCanonical() {
    AiDecision d = decision().attributes(Map.of("gen_ai.operation.name", "chat")).build();
    byte[] leaf = Envelope.encode(d, T);
    assertThat(CanonicalJson.canonicalizeStrict(leaf)).isEqualTo(leaf);
    assertThat(Envelope.decode(3, leaf).record()).isEqualTo(d);
  }

  @Test
  void attributes_rejectBadNamesAndValues() {
    assertThatThrownBy(
            () ->
                decision()
                    .putAttributes("Gen AI", "x")
                    .putAttributes("gen_ai.request.model", " ")
                    .build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactlyInAnyOrder(
                        "attributes.Gen AI", "attributes.gen_ai.request.model"));
  }
}
