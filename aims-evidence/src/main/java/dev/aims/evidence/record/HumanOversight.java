package dev.aims.evidence.record;

import dev.aims.core.AimsStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The human oversight of one AI decision, recorded with the decision: who reviewed it, what they
 * did, and why when they overrode it (A.9.2; EU AI Act Art. 14).
 *
 * <p>Build one with {@link #builder()} or {@link #of(String, OversightOutcome)}; {@code build()}
 * reports every broken constraint at once in an {@link
 * dev.aims.core.validation.InvalidRecordException}. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
public abstract class HumanOversight {
  HumanOversight() {}

  /**
   * Returns who reviewed the output: a staff id or role, one line, at most 256 chars. A name is
   * personal data that the leaf keeps for ever: prefer a pseudonymous staff id.
   */
  public abstract String reviewer();

  /** Returns what the reviewer did with the output. */
  public abstract OversightOutcome outcome();

  /**
   * Returns why the reviewer overrode or changed the output; required when the outcome is {@link
   * OversightOutcome#OVERRIDDEN}.
   */
  public abstract Optional<String> overrideReason();

  @Value.Check
  final void check() {
    Violations v = new Violations("HumanOversight");
    v.name("reviewer", reviewer());
    if (overrideReason().isPresent()) {
      v.text("overrideReason", overrideReason().get());
    } else if (outcome() == OversightOutcome.OVERRIDDEN) {
      v.add(
          "overrideReason",
          "RequiredWhenOverridden",
          overrideReason(),
          "must give the reason when the outcome is OVERRIDDEN");
    }
    v.throwIfAny();
  }

  /** Returns the oversight of {@code reviewer} with {@code outcome} and no override reason. */
  public static HumanOversight of(String reviewer, OversightOutcome outcome) {
    return builder().reviewer(reviewer).outcome(outcome).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link HumanOversight}. */
  public static final class Builder extends ImmutableHumanOversight.Builder {}

  void writeTo(JsonBytes out) {
    out.raw(OUTCOME).string(outcome().name());
    if (overrideReason().isPresent()) {
      out.raw(OVERRIDE_REASON).string(overrideReason().get());
    }
    out.raw(REVIEWER).string(reviewer()).raw('}');
  }

  private static final byte[] OUTCOME = JsonBytes.ascii("{\"outcome\":");
  private static final byte[] OVERRIDE_REASON = JsonBytes.ascii(",\"overrideReason\":");
  private static final byte[] REVIEWER = JsonBytes.ascii(",\"reviewer\":");
}
