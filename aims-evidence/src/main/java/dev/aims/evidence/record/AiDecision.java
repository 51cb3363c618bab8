package dev.aims.evidence.record;

import dev.aims.core.AimsStyle;
import dev.aims.evidence.privacy.ProtectedValue;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The evidence of one decision or output of an AI system (A.6.2.8 event logs): the model and
 * version that produced it, its input and output as {@link ProtectedValue}s (salted commitments or
 * redacted summaries, so that no personal data enters the log by default), the confidence, the
 * decision, the human oversight it received, and the trace that ties it to the host's own logs.
 *
 * <p>Build one with {@link #builder()}; {@code build()} reports every broken constraint at once in
 * an {@link dev.aims.core.validation.InvalidRecordException} (field path, constraint, value).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * AiDecision decision = AiDecision.builder()
 *     .system("credit-scoring")
 *     .occurredAt(Instant.now())
 *     .model("risk-gbm").modelVersion("4.2.0")
 *     .input(log.commit(applicationJson))
 *     .output(ProtectedValue.redacted("score band C"))
 *     .confidence("0.87")
 *     .decision("refer to underwriter")
 *     .oversight(HumanOversight.of("uw-117", OversightOutcome.APPROVED))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@AimsStyle
public abstract non-sealed class AiDecision implements EvidenceRecord {
  AiDecision() {}

  @Override
  public final RecordType type() {
    return RecordType.AI_DECISION;
  }

  /** Returns the model that produced the output, e.g. {@code risk-gbm}. */
  public abstract String model();

  /** Returns the model's version, e.g. {@code 4.2.0} or a registry digest. */
  public abstract String modelVersion();

  /** Returns the input, as a commitment or a redacted summary. */
  public abstract ProtectedValue input();

  /** Returns the output, as a commitment or a redacted summary. */
  public abstract ProtectedValue output();

  /**
   * Returns the model's confidence as a decimal string between 0 and 1 (e.g. {@code 0.87}); a
   * string, never a float, so that every reader sees the same value.
   */
  public abstract Optional<String> confidence();

  /** Returns the decision taken or the output acted on, e.g. {@code refer to underwriter}. */
  public abstract String decision();

  /** Returns the human oversight the output received, if any. */
  public abstract Optional<HumanOversight> oversight();

  /**
   * Returns attributes of the call under OpenTelemetry's names, e.g. {@code gen_ai.provider.name},
   * {@code gen_ai.request.model}, {@code gen_ai.usage.input_tokens}; values are strings (numbers as
   * decimal strings). Empty by default. Attributes are logged in the clear: never put personal data
   * here.
   */
  public abstract Map<String, String> attributes();

  /** Returns the W3C trace id (32 lower-case hex digits) of the request, if any. */
  public abstract Optional<String> traceId();

  /** Returns the W3C span id (16 lower-case hex digits) of the decision, if any. */
  public abstract Optional<String> spanId();

  @Value.Check
  final void check() {
    Violations v = new Violations("AiDecision");
    v.common(this);
    v.name("model", model());
    v.name("modelVersion", modelVersion());
    v.text("decision", decision());
    for (Map.Entry<String, String> a : attributes().entrySet()) {
      if (!ATTRIBUTE_NAME.matcher(a.getKey()).matches()) {
        v.add(
            "attributes." + a.getKey(),
            "AttributeName",
            a.getKey(),
            "must be a dotted lower-case attribute name such as gen_ai.request.model");
      } else {
        v.name("attributes." + a.getKey(), a.getValue());
      }
    }
    if (confidence().isPresent()) {
      v.unitDecimal("confidence", confidence().get());
    }
    if (traceId().isPresent()) {
      v.traceContextId("traceId", traceId().get(), 32);
    }
    if (spanId().isPresent()) {
      v.traceContextId("spanId", spanId().get(), 16);
      if (traceId().isEmpty()) {
        v.add("spanId", "RequiresTraceId", spanId(), "needs the traceId it belongs to");
      }
    }
    v.throwIfAny();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AiDecision}. */
  public static final class Builder extends ImmutableAiDecision.Builder {}

  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
  private static final byte[] ATTRIBUTES = JsonBytes.ascii("{\"attributes\":");
  private static final byte[] CONFIDENCE_FIRST = JsonBytes.ascii("{\"confidence\":");
  private static final byte[] CONFIDENCE = JsonBytes.ascii(",\"confidence\":");
  private static final byte[] DECISION_FIRST = JsonBytes.ascii("{\"decision\":");
  private static final byte[] INPUT = JsonBytes.ascii(",\"input\":");
  private static final byte[] MODEL = JsonBytes.ascii(",\"model\":");
  private static final byte[] MODEL_VERSION = JsonBytes.ascii(",\"modelVersion\":");
  private static final byte[] OUTPUT = JsonBytes.ascii(",\"output\":");
  private static final byte[] OVERSIGHT = JsonBytes.ascii(",\"oversight\":");
  private static final byte[] SPAN_ID = JsonBytes.ascii(",\"spanId\":");
  private static final byte[] TRACE_ID = JsonBytes.ascii(",\"traceId\":");
  private static final byte[] DECISION = JsonBytes.ascii(",\"decision\":");

  void writeBody(JsonBytes out) {
    // Members in RFC 8785 order: attributes < confidence < decision < input < ...
    if (!attributes().isEmpty()) {
      out.raw(ATTRIBUTES).stringMap(attributes());
      if (confidence().isPresent()) {
        out.raw(CONFIDENCE).string(confidence().get());
      }
      out.raw(DECISION);
    } else if (confidence().isPresent()) {
      out.raw(CONFIDENCE_FIRST).string(confidence().get()).raw(DECISION);
    } else {
      out.raw(DECISION_FIRST);
    }
    out.string(decision());
    Envelope.writeProtected(out.raw(INPUT), input());
    out.raw(MODEL).string(model());
    out.raw(MODEL_VERSION).string(modelVersion());
    Envelope.writeProtected(out.raw(OUTPUT), output());
    if (oversight().isPresent()) {
      oversight().get().writeTo(out.raw(OVERSIGHT));
    }
    if (spanId().isPresent()) {
      out.raw(SPAN_ID).string(spanId().get());
    }
    if (traceId().isPresent()) {
      out.raw(TRACE_ID).string(traceId().get());
    }
    out.raw('}');
  }

  static AiDecision fromLeaf(LeafTree body, LeafTree.Common common) {
    Builder b = new Builder();
    b.system(common.system())
        .occurredAt(common.occurredAt())
        .controls(common.controls())
        .refs(common.refs())
        .model(body.string("model"))
        .modelVersion(body.string("modelVersion"))
        .input(body.protectedValue("input"))
        .output(body.protectedValue("output"))
        .confidence(body.optionalString("confidence"))
        .decision(body.string("decision"))
        .attributes(body.has("attributes") ? body.stringMap("attributes") : Map.of())
        .traceId(body.optionalString("traceId"))
        .spanId(body.optionalString("spanId"));
    if (body.has("oversight")) {
      LeafTree o = body.object("oversight");
      b.oversight(
          HumanOversight.builder()
              .reviewer(o.string("reviewer"))
              .outcome(o.enumValue("outcome", OversightOutcome.class))
              .overrideReason(o.optionalString("overrideReason"))
              .build());
    }
    return b.build();
  }
}
