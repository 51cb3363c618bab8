package dev.aims.evidence.record;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.incident.IncidentSeverity;
import dev.aims.core.incident.IncidentStatus;
import dev.aims.evidence.canonical.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Leaves that a scan of the bytes could wrongly take for evidence records, one per constraint of
 * the envelope and the bodies: each is canonical JSON, and the scan must refuse it (the decoder
 * refuses it too, and gives the reason). Also the leaves the decoder accepts but the scan leaves to
 * it.
 */
class LeafScanTest {
  private static final String DECISION =
      new String(
          Envelope.encode(EnvelopeTest.decision(), EnvelopeTest.RECORDED), StandardCharsets.UTF_8);

  private final LeafScan scan = new LeafScan();

  /** The decision with {@code from} replaced by {@code to}, made canonical again. */
  private static String edited(String leaf, String from, String to) {
    assertThat(leaf).contains(from);
    byte[] json = leaf.replace(from, to).getBytes(StandardCharsets.UTF_8);
    return new String(CanonicalJson.canonicalizeStrict(json), StandardCharsets.UTF_8);
  }

  private static String edited(String from, String to) {
    return edited(DECISION, from, to);
  }

  private boolean scans(String leaf) {
    byte[] bytes = leaf.getBytes(StandardCharsets.UTF_8);
    assertThat(CanonicalJson.isCanonicalStrict(bytes, 0, bytes.length)).as(leaf).isTrue();
    return scan.isRecord(bytes, 0, bytes.length);
  }

  private void assertRefused(String leaf) {
    assertThatThrownBy(() -> Envelope.decode(0, leaf.getBytes(StandardCharsets.UTF_8)).record())
        .as(leaf)
        .isInstanceOf(MalformedLeafException.class);
    assertThat(scans(leaf)).as(leaf).isFalse();
  }

  private void assertAccepted(String leaf) {
    assertThatCode(() -> Envelope.decode(0, leaf.getBytes(StandardCharsets.UTF_8)).record())
        .as(leaf)
        .doesNotThrowAnyException();
    assertThat(scans(leaf)).as(leaf).isTrue();
  }

  private void assertLeftToTheDecoder(String leaf) {
    assertThatCode(() -> Envelope.decode(0, leaf.getBytes(StandardCharsets.UTF_8)).record())
        .as(leaf)
        .doesNotThrowAnyException();
    assertThat(scans(leaf)).as(leaf).isFalse();
  }

  @Test
  void acceptsTheSampleDecision() {
    assertAccepted(DECISION);
  }

  @Test
  void refusesMissingMembersAndCrossFieldRules() {
    assertRefused(edited(",\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"", ""));
    assertRefused(edited("\"overrideReason\":\"income verified by phone\",", ""));
    assertRefused(edited("\"model\":\"risk-gbm\",", ""));
    assertRefused(edited("\"modelVersion\":\"4.2.0\",", ""));
    assertRefused(edited("\"reviewer\":\"uw-117\"", "\"reviewerX\":\"uw-117\""));
    assertRefused(edited("\"model\":\"risk-gbm\"", "\"model\":1"));
    assertRefused(edited("\"model\":\"risk-gbm\"", "\"model\":null"));
    assertRefused(edited("\"redacted\":\"score band C\"", "\"redacted\":\"x\",\"plain\":\"y\""));
    assertRefused(edited("{\"redacted\":\"score band C\"}", "{}"));
  }

  @Test
  void refusesNamesAndTextsOutsideTheirLimits() {
    assertRefused(edited("\"risk-gbm\"", "\"   \""));
    assertRefused(edited("\"risk-gbm\"", "\"\\u2000\\u3000\""));
    assertRefused(edited("\"risk-gbm\"", "\"risk\\ngbm\""));
    assertRefused(edited("\"risk-gbm\"", "\"risk\u007fgbm\""));
    assertRefused(edited("\"risk-gbm\"", "\"" + "x".repeat(257) + "\""));
    assertAccepted(edited("\"risk-gbm\"", "\"" + "x".repeat(256) + "\""));
    // Two UTF-16 chars each: 129 of them are 258 chars, though fewer than 256 code points.
    assertRefused(edited("\"risk-gbm\"", "\"" + "😀".repeat(129) + "\""));
    assertAccepted(edited("\"risk-gbm\"", "\"" + "😀".repeat(128) + "\""));
    assertAccepted(edited("\"risk-gbm\"", "\"" + "é".repeat(256) + "\""));
    assertRefused(edited("\"refer to underwriter\"", "\"" + "x".repeat(4097) + "\""));
    assertRefused(edited("\"refer to underwriter\"", "\" \\n\\t \""));
    assertRefused(edited("\"score band C\"", "\"" + "x".repeat(1025) + "\""));
    assertAccepted(edited("\"score band C\"", "\"" + "x".repeat(1024) + "\""));
  }

  @Test
  void refusesDecimalsHexAndDigestsOfTheWrongForm() {
    for (String confidence : new String[] {"1.5", "2", "01", "1.", ".5", "-0.5", "1e0", "0,5"}) {
      assertRefused(edited("\"0.87\"", "\"" + confidence + "\""));
    }
    assertAccepted(edited("\"0.87\"", "\"1.000\""));
    assertAccepted(edited("\"0.87\"", "\"-0.0\""));
    assertRefused(edited("4bf92f3577b34da6a3ce929d0e0e4736", "4BF92F3577B34DA6A3CE929D0E0E4736"));
    assertRefused(edited("4bf92f3577b34da6a3ce929d0e0e4736", "0".repeat(32)));
    assertRefused(edited("00f067aa0ba902b7", "00f067aa0ba902b"));
    assertRefused(edited("sha256:" + "ab".repeat(32), "sha256:" + "AB".repeat(32)));
    assertRefused(edited("sha256:" + "ab".repeat(32), "sha256:" + "ab".repeat(31) + "a"));
    assertRefused(edited("sha256:" + "cd".repeat(32), "sha256:" + "cd".repeat(31)));
    assertRefused(edited("\"model-card\"", "\"Model-card\""));
  }

  @Test
  void refusesInstantsThatAreNotRealTimesOfTheYears0001To9999() {
    String at = "2026-03-01T09:30:00.120Z";
    for (String bad :
        new String[] {
          "2026-02-29T09:30:00Z",
          "2026-04-31T09:30:00Z",
          "2026-13-01T09:30:00Z",
          "2026-03-01T24:30:00Z",
          "2026-03-01T09:60:00Z",
          "2026-03-01T12:00:60Z",
          "2026-03-01T09:30:00.1234567890Z",
          "2026-03-01T09:30Z",
          "0000-03-01T09:30:00Z"
        }) {
      assertRefused(edited(at, bad));
    }
    assertAccepted(edited(at, "2024-02-29T09:30:00.1Z"));
    assertAccepted(edited(at, "0001-01-01T00:00:00Z"));
    // The decoder reads these too (midnight as 24:00, a leap second, an empty fraction, an
    // offset; a recorded time of the year 0); the scan does not try.
    for (String odd :
        new String[] {
          "2026-03-01T24:00:00Z",
          "2026-03-01T23:59:60Z",
          "2026-03-01T09:30:00.Z",
          "2026-03-01T09:30:00+00:00"
        }) {
      assertLeftToTheDecoder(edited(at, odd));
    }
    assertLeftToTheDecoder(edited("2026-03-01T09:30:00.121456Z", "0000-03-01T09:30:00Z"));
  }

  @Test
  void refusesControlsSystemsAndSchemasOutsideTheCatalogueAndPatterns() {
    assertRefused(edited("[\"A.6.2.8\"]", "[\"A.5.4\",\"A.5.4\"]"));
    assertRefused(edited("[\"A.6.2.8\"]", "[\"a.6.2.8\"]"));
    assertRefused(edited("[\"A.6.2.8\"]", "[\"A.6.2.9\"]"));
    assertRefused(edited("[\"A.6.2.8\"]", "[]"));
    assertAccepted(edited("[\"A.6.2.8\"]", "[\"A.5.4\",\"A.10.3\"]"));
    assertRefused(edited("\"credit-scoring\"", "\"Credit-scoring\""));
    assertRefused(edited("\"credit-scoring\"", "\"-credit\""));
    assertRefused(edited("\"credit-scoring\"", "\"" + "c".repeat(65) + "\""));
    assertRefused(edited("dev.aims.evidence/v1", "dev.aims.evidence/v2"));
  }

  @Test
  void refusesAttributesWithBadNamesOrValues() {
    String attributed =
        new String(
            Envelope.encode(
                AiDecision.builder()
                    .from(EnvelopeTest.decision())
                    .putAttributes("gen_ai.request.model", "gpt")
                    .build(),
                EnvelopeTest.RECORDED),
            StandardCharsets.UTF_8);
    assertAccepted(attributed);
    for (String name : new String[] {"gen..ai", "gen.", "Gen", "1gen", ".gen", "gen-ai"}) {
      assertRefused(edited(attributed, "gen_ai.request.model", name));
    }
    assertRefused(edited(attributed, "\"gpt\"", "\" \""));
    assertRefused(edited(attributed, "\"gpt\"", "1"));
  }

  @Test
  void refusesEnumValuesOtherThanTheLogsOwnNames() {
    assertRefused(edited("\"OVERRIDDEN\"", "\"overridden\""));
    byte[] incident =
        Envelope.encode(
            AiIncidentEvent.builder()
                .system("credit-scoring")
                .occurredAt(Instant.EPOCH)
                .incidentId("INC-7")
                .severity(IncidentSeverity.HIGH)
                .status(IncidentStatus.OPEN)
                .summary("drift")
                .build(),
            Instant.EPOCH);
    String text = new String(incident, StandardCharsets.UTF_8);
    assertAccepted(text);
    // The enum's name is not how the log spells the status.
    assertRefused(edited(text, "\"DETECTED\"", "\"OPEN\""));
    assertRefused(edited(text, "\"HIGH\"", "\"high\""));
    byte[] monitoring =
        Envelope.encode(
            MonitoringEvent.builder()
                .system("credit-scoring")
                .occurredAt(Instant.EPOCH)
                .kind(MonitoringKind.DRIFT)
                .metric("psi")
                .value("0.3")
                .breach(true)
                .build(),
            Instant.EPOCH);
    String m = new String(monitoring, StandardCharsets.UTF_8);
    assertAccepted(m);
    assertRefused(edited(m, "\"breach\":true", "\"breach\":\"true\""));
    assertRefused(edited(m, "\"DRIFT\"", "\"Drift\""));
    assertRefused(edited(m, "\"0.3\"", "\"0.3.1\""));
  }

  /**
   * The decision with {@code bytes} put at the start of its decision text, not re-canonicalized.
   */
  private static byte[] withDecisionStartingWith(int... bytes) {
    byte[] leaf = DECISION.getBytes(StandardCharsets.UTF_8);
    int at = DECISION.indexOf("\"decision\":\"") + "\"decision\":\"".length();
    byte[] out = new byte[leaf.length + bytes.length];
    System.arraycopy(leaf, 0, out, 0, at);
    for (int i = 0; i < bytes.length; i++) {
      out[at + i] = (byte) bytes[i];
    }
    System.arraycopy(leaf, at, out, at + bytes.length, leaf.length - at);
    return out;
  }

  private void assertNotCanonicalAndRefused(byte[] leaf) {
    String text = new String(leaf, StandardCharsets.UTF_8);
    assertThat(CanonicalJson.isCanonicalStrict(leaf, 0, leaf.length)).as(text).isFalse();
    assertThat(scan.isRecord(leaf, 0, leaf.length)).as(text).isFalse();
  }

  @Test
  void refusesStringsThatAreNotInCanonicalForm() {
    int[][] notCanonical = {
      {0x01}, // a raw control character
      {0xC0, 0x80}, // an overlong form
      {0xE0, 0x80, 0x80},
      {0xED, 0xA0, 0x80}, // a surrogate
      {0xF0, 0x80, 0x80, 0x80},
      {0xF4, 0x90, 0x80, 0x80}, // beyond U+10FFFF
      {0xF5, 0x80, 0x80, 0x80},
      {0xE2, 0x80, 0xC0}, // a continuation byte out of range
      {0x80},
      {'\\', 'u', '0', '0', '1', 'F'}, // upper-case hex
      {'\\', 'u', '0', '0', '0', 'a'}, // a control with a two-byte escape
      {'\\', 'u', '0', '0', '4', '1'}, // a printable char escaped
      {'\\', '/'}
    };
    for (int[] bytes : notCanonical) {
      assertNotCanonicalAndRefused(withDecisionStartingWith(bytes));
    }
    // The canonical forms of a control character and of a char beyond the BMP are accepted.
    assertThat(scans(new String(withDecisionStartingWith('\\', 'u', '0', '0', '1', 'f'), UTF_8)))
        .isTrue();
    assertThat(scans(new String(withDecisionStartingWith(0xF4, 0x8F, 0xBF, 0xBF), UTF_8))).isTrue();
  }

  @Test
  void refusesHostKeysOutOfOrderOrTwice() {
    String refs = "\"refs\":{\"model-card\":\"sha256:" + "cd".repeat(32) + "\"}";
    String other = "\"b\":\"sha256:" + "ef".repeat(32) + "\"";
    String twoRefs = refs.replace("{", "{" + other + ",");
    byte[] sorted = DECISION.replace(refs, twoRefs).getBytes(UTF_8);
    assertThat(scan.isRecord(sorted, 0, sorted.length)).isTrue();
    String reversed = refs.replace("}", "," + other + "}");
    assertNotCanonicalAndRefused(DECISION.replace(refs, reversed).getBytes(UTF_8));
    String twice = refs.replace("{", "{\"model-card\":\"sha256:" + "ab".repeat(32) + "\",");
    assertNotCanonicalAndRefused(DECISION.replace(refs, twice).getBytes(UTF_8));
  }

  @Test
  void leavesWhatItDoesNotDecideToTheDecoder() {
    // The decoder reads the type case-insensitively and ignores members it does not know.
    assertLeftToTheDecoder(edited("\"ai-decision\"", "\"AI_DECISION\""));
    assertLeftToTheDecoder(edited("\"model\":", "\"zzz\":1,\"model\":"));
    assertLeftToTheDecoder(edited("\"refs\":", "\"extra\":true,\"refs\":"));
    assertLeftToTheDecoder(
        new String(
            Envelope.encode(
                ImpactAssessmentEvent.of(EnvelopeTest.assessment(), Instant.EPOCH), Instant.EPOCH),
            StandardCharsets.UTF_8));
  }

  @Test
  void isRecord_refusesARangeOutsideTheInput() {
    assertThatThrownBy(() -> scan.isRecord(new byte[4], 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the input of 4");
  }
}
