package dev.aims.evidence.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.ProtectedValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class EnvelopePropertiesTest {

  /** Any instant the leaf admits: years 0001 to 9999, any nanosecond. */
  static Gen<Instant> instants() {
    return SourceDSL.longs()
        .between(Violations.MIN_SECOND, Violations.MAX_SECOND)
        .zip(
            SourceDSL.integers().between(0, 999_999_999),
            SourceDSL.integers().between(0, 3),
            (s, n, shape) ->
                // Bias towards whole seconds, milliseconds and microseconds: each prints
                // differently.
                Instant.ofEpochSecond(
                    s,
                    shape == 0
                        ? 0
                        : shape == 1
                            ? n / 1_000_000 * 1_000_000
                            : shape == 2 ? n / 1000 * 1000 : n));
  }

  /** Non-blank text of any Unicode, with lone surrogates removed. */
  static Gen<String> text() {
    return SourceDSL.strings()
        .allPossible()
        .ofLengthBetween(1, 40)
        .map(EnvelopePropertiesTest::wellFormed)
        .map(s -> s.isBlank() ? s + "x" : s);
  }

  static String wellFormed(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (!Character.isSurrogate(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  static Gen<String> decimals() {
    return SourceDSL.integers()
        .between(0, 1000)
        .zip(
            SourceDSL.integers().between(0, 3),
            (n, places) ->
                places == 0
                    ? "" + n / 1000
                    : "0." + String.format("%0" + places + "d", n % (int) Math.pow(10, places)));
  }

  static Gen<AiDecision> decisions() {
    Gen<ProtectedValue> values =
        Generate.oneOf(
            text().map(t -> (ProtectedValue) ProtectedValue.redacted(t)),
            SourceDSL.integers()
                .between(0, 255)
                .map(i -> (ProtectedValue) new Commitment(String.format("%02x", i).repeat(32))));
    Gen<List<String>> controls =
        Generate.pick(
            List.of(List.of("A.6.2.8"), List.of("A.6.2.8", "A.9.2"), List.of("A.5.4", "A.10.3")));
    return instants()
        .zip(
            text(),
            text(),
            values,
            (at, decision, reason, input) -> new Object[] {at, decision, reason, input})
        .zip(
            decimals(),
            controls,
            Generate.enumValues(OversightOutcome.class),
            (a, confidence, c, outcome) ->
                AiDecision.builder()
                    .system("system-" + ((String) a[1]).length())
                    .occurredAt((Instant) a[0])
                    .controls(c)
                    .model("model")
                    .modelVersion("1")
                    .input((ProtectedValue) a[3])
                    .output(ProtectedValue.redacted((String) a[2]))
                    .confidence(confidence)
                    .decision((String) a[1])
                    .oversight(
                        HumanOversight.builder()
                            .reviewer("r")
                            .outcome(outcome)
                            .overrideReason((String) a[2])
                            .build())
                    .build());
  }

  @Test
  void encode_isAlwaysCanonicalAndDecodesToTheSameRecord() {
    qt().withExamples(300)
        .forAll(decisions(), instants())
        .checkAssert(
            (decision, recordedAt) -> {
              byte[] leaf = Envelope.encode(decision, recordedAt);
              assertThat(CanonicalJson.canonicalizeStrict(leaf)).isEqualTo(leaf);
              LoggedRecord back = Envelope.decode(0, leaf);
              assertThat(back.record()).isEqualTo(decision);
              assertThat(back.recordedAt()).isEqualTo(recordedAt);
            });
  }

  @Test
  void instants_areWrittenExactlyAsInstantToString() {
    qt().withExamples(2000)
        .forAll(instants())
        .checkAssert(
            t -> {
              JsonBytes out = JsonBytes.local().instant(t);
              assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                  .isEqualTo("\"" + t + "\"");
            });
  }

  @Test
  void strings_areWrittenExactlyAsTheCanonicalWriterWritesThem() {
    qt().withExamples(2000)
        .forAll(
            SourceDSL.strings()
                .allPossible()
                .ofLengthBetween(0, 30)
                .map(EnvelopePropertiesTest::wellFormed))
        .checkAssert(
            s ->
                assertThat(JsonBytes.local().string(s).toByteArray())
                    .isEqualTo(CanonicalJson.write(s)));
  }

  @Test
  void decimals_areAcceptedExactlyWhenTheyMatchThePlainDecimalGrammar() {
    java.util.regex.Pattern grammar =
        java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    qt().withExamples(3000)
        .forAll(SourceDSL.strings().betweenCodePoints('+', '9').ofLengthBetween(0, 8))
        .checkAssert(
            s ->
                assertThat(Violations.isDecimal(s))
                    .as("'%s'", s)
                    .isEqualTo(grammar.matcher(s).matches()));
  }
}
