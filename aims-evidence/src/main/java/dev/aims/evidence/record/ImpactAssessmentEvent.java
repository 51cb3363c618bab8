package dev.aims.evidence.record;

import dev.aims.core.AimsStyle;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.json.AimsJson;
import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.canonical.CanonicalJsonException;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * The evidence that an AI system impact assessment was made or revised (A.5.3 documentation of
 * impact assessments; Clauses 6.1.4, 8.4): the aims-core {@link ImpactAssessment} itself, written
 * into the leaf as canonical JSON, so that the log proves which assessment stood when.
 *
 * <p>The record's system is the assessment's {@link ImpactAssessment#systemId()}. {@code build()}
 * reports every violation at once; the assessment itself was checked when it was built. Impact
 * assessments are logged rarely, so this record is written through the SDK's JSON mapping rather
 * than a hand-made writer. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
public abstract non-sealed class ImpactAssessmentEvent implements EvidenceRecord {
  ImpactAssessmentEvent() {}

  @Override
  public final RecordType type() {
    return RecordType.IMPACT_ASSESSMENT;
  }

  /** Returns the assessed system's id, {@link ImpactAssessment#systemId()}. */
  @Override
  public final String system() {
    return assessment().systemId();
  }

  /** Returns the impact assessment. */
  public abstract ImpactAssessment assessment();

  @Value.Check
  final void check() {
    Violations v = new Violations("ImpactAssessmentEvent");
    v.common(this);
    v.throwIfAny();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the record of {@code assessment}, completed at {@code occurredAt}. */
  public static ImpactAssessmentEvent of(ImpactAssessment assessment, Instant occurredAt) {
    return builder().assessment(assessment).occurredAt(occurredAt).build();
  }

  /** Builds an {@link ImpactAssessmentEvent}. */
  public static final class Builder extends ImmutableImpactAssessmentEvent.Builder {}

  private static final byte[] ASSESSMENT = JsonBytes.ascii("{\"assessment\":");

  void writeBody(JsonBytes out) {
    Object tree = AimsJson.mapper().convertValue(assessment(), Object.class);
    byte[] canonical;
    try {
      canonical = CanonicalJson.write(tree);
    } catch (CanonicalJsonException e) {
      throw new IllegalArgumentException(
          "the impact assessment cannot be written as a canonical leaf: " + e.getMessage(), e);
    }
    out.raw(ASSESSMENT).raw(canonical).raw('}');
  }

  static ImpactAssessmentEvent fromLeaf(LeafTree body, LeafTree.Common common) {
    ImpactAssessment assessment;
    try {
      assessment = AimsJson.mapper().convertValue(body.raw("assessment"), ImpactAssessment.class);
    } catch (IllegalArgumentException e) {
      throw new MalformedLeafException(
          "$.body.assessment", "is not an impact assessment: " + e.getMessage(), e);
    }
    if (!assessment.systemId().equals(common.system())) {
      throw new MalformedLeafException(
          "$.system",
          "'"
              + common.system()
              + "' differs from the assessment's systemId '"
              + assessment.systemId()
              + "'");
    }
    return builder()
        .occurredAt(common.occurredAt())
        .controls(common.controls())
        .refs(common.refs())
        .assessment(assessment)
        .build();
  }
}
