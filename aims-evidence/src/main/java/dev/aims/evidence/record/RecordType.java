package dev.aims.evidence.record;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The kinds of evidence record, each with its name in the leaf's {@code type} field and the Annex A
 * controls it evidences unless the record names others.
 *
 * <p>This is the one list of record kinds: reading a leaf back ({@link LoggedRecord#record()})
 * takes the decoder of its type from here, and the command line's type filter lists these ids. The
 * bundled envelope schema ({@code dev/aims/evidence/schema/envelope.schema.json}) names the same
 * ids, one body schema per type, as its tests check.
 */
public enum RecordType {
  /** An AI system's decision or output ({@link AiDecision}); evidences A.6.2.8 event logs. */
  AI_DECISION("ai-decision", AiDecision::fromLeaf, "A.6.2.8"),
  /**
   * An AI system impact assessment ({@link ImpactAssessmentEvent}); evidences A.5.3 documentation
   * of impact assessments.
   */
  IMPACT_ASSESSMENT("impact-assessment", ImpactAssessmentEvent::fromLeaf, "A.5.3"),
  /**
   * A monitoring observation ({@link MonitoringEvent}); evidences A.6.2.6 operation and monitoring.
   */
  MONITORING_EVENT("monitoring-event", MonitoringEvent::fromLeaf, "A.6.2.6"),
  /**
   * A person's oversight of AI output after the fact ({@link OversightAction}); evidences A.9.2
   * processes for responsible use and A.6.2.8 event logs.
   */
  OVERSIGHT_ACTION("oversight-action", OversightAction::fromLeaf, "A.9.2", "A.6.2.8"),
  /**
   * An AI incident ({@link AiIncidentEvent}); evidences A.6.2.6 operation and A.8.4 communication
   * of incidents.
   */
  AI_INCIDENT("ai-incident", AiIncidentEvent::fromLeaf, "A.6.2.6", "A.8.4"),
  /**
   * A change of the log's signing key ({@link KeyRotation}), written by the log itself; evidences
   * A.6.2.8 event logs.
   */
  KEY_ROTATION("key-rotation", KeyRotation::fromLeaf, "A.6.2.8");

  private final String id;
  private final List<String> defaultControls;
  private final byte[] leafValue;
  private final Decoder decoder;

  /** Reads the body of a leaf of one type into its record. */
  @FunctionalInterface
  interface Decoder {
    EvidenceRecord decode(LeafTree body, LeafTree.Common common);
  }

  RecordType(String id, Decoder decoder, String... defaultControls) {
    this.id = id;
    this.decoder = decoder;
    this.defaultControls = List.of(defaultControls);
    this.leafValue = JsonBytes.ascii("\"" + id + "\"");
  }

  /** Returns the name in the leaf's {@code type} field, e.g. {@code ai-decision}. */
  public String id() {
    return id;
  }

  /** Returns the controls a record of this type evidences unless it names others. */
  public List<String> defaultControls() {
    return defaultControls;
  }

  /** Reads the body of a leaf of this type into its record. */
  EvidenceRecord decode(LeafTree body, LeafTree.Common common) {
    return decoder.decode(body, common);
  }

  /** Returns the pre-encoded JSON string of {@link #id()}. */
  byte[] leafValue() {
    return leafValue;
  }

  /**
   * Returns the type whose {@link #id()} or enum name is {@code text} (case ignored).
   *
   * @throws IllegalArgumentException naming the value and every known type otherwise
   */
  public static RecordType of(String text) {
    for (RecordType t : values()) {
      if (t.id.equalsIgnoreCase(text) || t.name().equalsIgnoreCase(text)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown record type '"
            + text
            + "'; known types: "
            + Arrays.stream(values()).map(RecordType::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
