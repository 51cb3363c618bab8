package dev.aims.evidence.record;

import dev.aims.core.AimsStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A person's oversight of an AI system's output recorded on its own, after the decision was logged
 * (human on the loop): who reviewed, what they did and why (A.9.2; EU AI Act Art. 14). It points to
 * the decision by its trace id or its leaf hash (from the decision's {@code Receipt}).
 *
 * <p>Build one with {@link #builder()}; {@code build()} reports every broken constraint at once.
 * Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
public abstract non-sealed class OversightAction implements EvidenceRecord {
  OversightAction() {}

  @Override
  public final RecordType type() {
    return RecordType.OVERSIGHT_ACTION;
  }

  /** Returns who acted: a staff id or role (prefer a pseudonymous id: leaves are never erased). */
  public abstract String reviewer();

  /** Returns what the reviewer did. */
  public abstract OversightOutcome outcome();

  /** Returns why; required when the outcome is {@link OversightOutcome#OVERRIDDEN}. */
  public abstract Optional<String> reason();

  /** Returns the W3C trace id of the decision reviewed, if known. */
  public abstract Optional<String> traceId();

  /** Returns the leaf hash (64 lower-case hex digits) of the decision reviewed, if known. */
  public abstract Optional<String> decisionLeafHash();

  @Value.Check
  final void check() {
    Violations v = new Violations("OversightAction");
    v.common(this);
    v.name("reviewer", reviewer());
    if (reason().isPresent()) {
      v.text("reason", reason().get());
    } else if (outcome() == OversightOutcome.OVERRIDDEN) {
      v.add("reason", "RequiredWhenOverridden", reason(), "must be given when OVERRIDDEN");
    }
    if (traceId().isPresent()) {
      v.traceContextId("traceId", traceId().get(), 32);
    }
    if (decisionLeafHash().isPresent() && !Violations.isHex(decisionLeafHash().get(), 0, 64)) {
      v.add(
          "decisionLeafHash",
          "Sha256Hex",
          decisionLeafHash(),
          "must be 64 lower-case hex digits (a leaf hash)");
    }
    v.throwIfAny();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OversightAction}. */
  public static final class Builder extends ImmutableOversightAction.Builder {}

  private static final byte[] DECISION_LEAF_HASH = JsonBytes.ascii("\"decisionLeafHash\":");
  private static final byte[] OUTCOME = JsonBytes.ascii("\"outcome\":");
  private static final byte[] REASON = JsonBytes.ascii(",\"reason\":");
  private static final byte[] REVIEWER = JsonBytes.ascii(",\"reviewer\":");
  private static final byte[] TRACE_ID = JsonBytes.ascii(",\"traceId\":");

  void writeBody(JsonBytes out) {
    out.raw('{');
    if (decisionLeafHash().isPresent()) {
      out.raw(DECISION_LEAF_HASH).string(decisionLeafHash().get()).raw(',');
    }
    out.raw(OUTCOME).string(outcome().name());
    if (reason().isPresent()) {
      out.raw(REASON).string(reason().get());
    }
    out.raw(REVIEWER).string(reviewer());
    if (traceId().isPresent()) {
      out.raw(TRACE_ID).string(traceId().get());
    }
    out.raw('}');
  }

  static OversightAction fromLeaf(LeafTree body, LeafTree.Common common) {
    return builder()
        .system(common.system())
        .occurredAt(common.occurredAt())
        .controls(common.controls())
        .refs(common.refs())
        .decisionLeafHash(body.optionalString("decisionLeafHash"))
        .outcome(body.enumValue("outcome", OversightOutcome.class))
        .reason(body.optionalString("reason"))
        .reviewer(body.string("reviewer"))
        .traceId(body.optionalString("traceId"))
        .build();
  }
}
