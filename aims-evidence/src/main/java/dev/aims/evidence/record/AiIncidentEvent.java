package dev.aims.evidence.record;

import dev.aims.core.AimsStyle;
import dev.aims.core.incident.AiIncident;
import dev.aims.core.incident.IncidentSeverity;
import dev.aims.core.incident.IncidentStatus;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A step in the life of an AI incident, logged as it happens (A.6.2.6 operation, A.8.4
 * communication of incidents): the incident's id in the host's incident process, its severity and
 * status, and a summary that holds no personal data. Log one event per change of status, so that
 * the log shows when each step happened.
 *
 * <p>Severity and status are those of the incident register ({@link IncidentSeverity}, {@link
 * IncidentStatus}). The log spells two statuses in its own words, as it always has, so that the
 * leaves of every log read the same: {@link IncidentStatus#OPEN} is {@code "DETECTED"} and {@link
 * IncidentStatus#CONTAINED} is {@code "MITIGATED"} in the leaf's JSON (the others by their names).
 *
 * <p>Build one with {@link #builder()}; {@code build()} reports every broken constraint at once.
 * Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
public abstract non-sealed class AiIncidentEvent implements EvidenceRecord {
  AiIncidentEvent() {}

  @Override
  public final RecordType type() {
    return RecordType.AI_INCIDENT;
  }

  /** Returns the incident's id in the host's incident process, e.g. {@code INC-2031}. */
  public abstract String incidentId();

  /** Returns how serious the incident is. */
  public abstract IncidentSeverity severity();

  /** Returns where its handling stands. */
  public abstract IncidentStatus status();

  /** Returns what happened, without personal data (the leaf is never erased). */
  public abstract String summary();

  @Value.Check
  final void check() {
    Violations v = new Violations("AiIncidentEvent");
    v.common(this);
    v.name("incidentId", incidentId());
    v.text("summary", summary());
    v.throwIfAny();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the event of an incident of the aims-core incident log reaching its current status: its
   * id, system, severity and controls (the type's defaults when it names none), its status and its
   * description as the summary. The description enters the leaf, which is never erased: it must
   * hold no personal data.
   *
   * @param incident the incident as the register holds it
   * @param occurredAt when the incident reached that status
   * @throws dev.aims.core.validation.InvalidRecordException if the result breaks a constraint
   */
  public static AiIncidentEvent of(AiIncident incident, Instant occurredAt) {
    Builder b = builder();
    if (!incident.controls().isEmpty()) {
      b.controls(incident.controls());
    }
    return b.system(incident.systemId())
        .occurredAt(occurredAt)
        .incidentId(incident.id())
        .severity(incident.severity())
        .status(incident.status())
        .summary(incident.description())
        .build();
  }

  /** Builds an {@link AiIncidentEvent}. */
  public static final class Builder extends ImmutableAiIncidentEvent.Builder {}

  private static final byte[] INCIDENT_ID = JsonBytes.ascii("{\"incidentId\":");
  private static final byte[] SEVERITY = JsonBytes.ascii(",\"severity\":");
  private static final byte[] STATUS = JsonBytes.ascii(",\"status\":");
  private static final byte[] SUMMARY = JsonBytes.ascii(",\"summary\":");

  void writeBody(JsonBytes out) {
    out.raw(INCIDENT_ID).string(incidentId());
    out.raw(SEVERITY).string(severity().name());
    out.raw(STATUS).string(logName(status()));
    out.raw(SUMMARY).string(summary()).raw('}');
  }

  static AiIncidentEvent fromLeaf(LeafTree body, LeafTree.Common common) {
    return builder()
        .system(common.system())
        .occurredAt(common.occurredAt())
        .controls(common.controls())
        .refs(common.refs())
        .incidentId(body.string("incidentId"))
        .severity(body.enumValue("severity", IncidentSeverity.class))
        .status(status(body))
        .summary(body.string("summary"))
        .build();
  }

  /** Returns how the log spells {@code status} in a leaf. */
  static String logName(IncidentStatus status) {
    return switch (status) {
      case OPEN -> "DETECTED";
      case CONTAINED -> "MITIGATED";
      default -> status.name();
    };
  }

  private static IncidentStatus status(LeafTree body) {
    String text = body.string("status");
    for (IncidentStatus s : IncidentStatus.values()) {
      if (logName(s).equals(text)) {
        return s;
      }
    }
    throw new MalformedLeafException(
        body.path() + ".status", "'" + text + "' is not a " + IncidentStatus.class.getSimpleName());
  }
}
