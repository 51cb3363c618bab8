package dev.aims.evidence.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One piece of evidence a host hands to the evidence log: what happened ({@link #type()}), when
 * ({@link #occurredAt()}), in which AI system ({@link #system()}), which Annex A controls it
 * evidences ({@link #controls()}) and digests of larger artefacts it refers to ({@link #refs()}).
 *
 * <p>Every implementation is an immutable value checked when it is built: invalid values never
 * exist, and {@code build()} reports every broken constraint at once in an {@link
 * dev.aims.core.validation.InvalidRecordException}. The log adds the time it recorded the record
 * and writes both, with the type-specific body, as one canonical leaf ({@link Envelope}).
 */
public sealed interface EvidenceRecord
    permits AiDecision,
        ImpactAssessmentEvent,
        MonitoringEvent,
        OversightAction,
        AiIncidentEvent,
        KeyRotation {

  /** Returns the kind of evidence, which fixes the shape of the leaf's body. */
  RecordType type();

  /** Returns the id of the AI system concerned ({@code AiSystem.ID_PATTERN}). */
  String system();

  /** Returns when the event happened (not when it was logged). */
  Instant occurredAt();

  /**
   * Returns the ids of the ISO/IEC 42001:2023 Annex A controls this record evidences, e.g. {@code
   * A.6.2.8}; unless set, the type's default ({@link RecordType#defaultControls()}).
   */
  @Value.Default
  default List<String> controls() {
    return type().defaultControls();
  }

  /**
   * Returns digests of larger artefacts the record refers to (a model card, a report), by name:
   * {@code sha256:} and 64 lower-case hex digits. Empty by default.
   */
  Map<String, String> refs();
}
