package dev.aims.benchmarks.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A fixed set of distinct AI decisions that every benchmark cycles through.
 *
 * <p>The field values are computed once, up front, so that a benchmark measures only the cost of
 * logging a decision, not of inventing one. Each benchmark thread should use its own cursor ({@link
 * #next(int)} with a thread-local counter); the values themselves are immutable and shared.
 */
public final class DecisionSamples {
  /** How many distinct decisions there are; a power of two, so that cycling is a mask. */
  public static final int COUNT = 1024;

  /** The AI system every sample decision belongs to. */
  public static final String SYSTEM = "credit-scoring";

  /** The Annex A control a decision record evidences. */
  public static final String CONTROL = "A.6.2.8";

  /** The model that takes the sample decisions. */
  public static final String MODEL = "credit-risk-gbm";

  /** The version of {@link #MODEL}. */
  public static final String MODEL_VERSION = "4.2.1";

  private static final Instant BASE = Instant.parse("2026-03-01T10:15:30.123Z");
  private static final String[] INPUTS = new String[COUNT];
  private static final String[] OUTPUTS = new String[COUNT];
  private static final String[] CONFIDENCES = new String[COUNT];
  private static final String[] DECISIONS = new String[COUNT];
  private static final String[] REVIEWERS = new String[COUNT];
  private static final String[] OUTCOMES = new String[COUNT];
  private static final String[] TRACE_IDS = new String[COUNT];
  private static final Instant[] OCCURRED = new Instant[COUNT];

  static {
    HexFormat hex = HexFormat.of();
    MessageDigest sha256 = sha256();
    for (int i = 0; i < COUNT; i++) {
      byte[] digest = sha256.digest(("applicant-" + i).getBytes(StandardCharsets.UTF_8));
      INPUTS[i] = hex.formatHex(digest);
      boolean approve = i % 3 != 0;
      OUTPUTS[i] = approve ? "band B" : "band E";
      CONFIDENCES[i] = "0." + (50 + i % 50);
      DECISIONS[i] = approve ? "approve" : "decline";
      REVIEWERS[i] = "analyst-" + (i % 17);
      OUTCOMES[i] = i % 3 == 0 ? "MODIFIED" : "APPROVED";
      TRACE_IDS[i] = hex.formatHex(digest, 0, 16);
      OCCURRED[i] = BASE.plusMillis(i * 7L);
    }
  }

  private DecisionSamples() {}

  /** Returns the {@code i}-th sample (modulo {@link #COUNT}) as a plain Java value. */
  public static DecisionEvent next(int i) {
    int k = i & (COUNT - 1);
    return new DecisionEvent(
        "ai-decision",
        OCCURRED[k],
        SYSTEM,
        List.of(CONTROL),
        new DecisionEvent.Body(
            MODEL,
            MODEL_VERSION,
            INPUTS[k],
            OUTPUTS[k],
            CONFIDENCES[k],
            DECISIONS[k],
            reviewed(k)
                ? Optional.of(new DecisionEvent.Oversight(REVIEWERS[k], OUTCOMES[k]))
                : Optional.empty(),
            TRACE_IDS[k]));
  }

  /** The input commitment (hex SHA-256) of the {@code i}-th sample. */
  public static String input(int i) {
    return INPUTS[i & (COUNT - 1)];
  }

  /** The redacted output summary of the {@code i}-th sample. */
  public static String output(int i) {
    return OUTPUTS[i & (COUNT - 1)];
  }

  /** The confidence (decimal string) of the {@code i}-th sample. */
  public static String confidence(int i) {
    return CONFIDENCES[i & (COUNT - 1)];
  }

  /** The decision of the {@code i}-th sample. */
  public static String decision(int i) {
    return DECISIONS[i & (COUNT - 1)];
  }

  /** The reviewer of the {@code i}-th sample, meaningful when {@link #reviewed} is true. */
  public static String reviewer(int i) {
    return REVIEWERS[i & (COUNT - 1)];
  }

  /** The oversight outcome of the {@code i}-th sample, meaningful when {@link #reviewed}. */
  public static String outcome(int i) {
    return OUTCOMES[i & (COUNT - 1)];
  }

  /** The trace id of the {@code i}-th sample. */
  public static String traceId(int i) {
    return TRACE_IDS[i & (COUNT - 1)];
  }

  /** Whether a person reviewed the {@code i}-th sample decision (one in eight). */
  public static boolean reviewed(int i) {
    return (i & 7) == 7;
  }

  /** When the {@code i}-th sample decision was taken. */
  public static Instant occurredAt(int i) {
    return OCCURRED[i & (COUNT - 1)];
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
