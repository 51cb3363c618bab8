package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.controlIds;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.instant;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.pick;
import static dev.aims.core.testing.CommonGen.recordId;
import static dev.aims.core.testing.CommonGen.slug;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.incident.AiIncident;
import dev.aims.core.incident.IncidentSeverity;
import dev.aims.core.incident.IncidentStatus;
import dev.aims.core.incident.Notification;
import java.time.Instant;
import java.util.Optional;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.incident} values. */
public final class IncidentGen {
  private IncidentGen() {}

  /** Returns an instant 0 to 30 days (at nanosecond precision) after {@code from}. */
  public static Gen<Instant> after(Instant from) {
    return in -> from.plusSeconds(pick(in, 30 * 86_400)).plusNanos(pick(in, 1_000_000_000));
  }

  /** Returns valid notifications at or after {@code detected}. */
  public static Gen<Notification> notifications(Instant detected) {
    return in ->
        Notification.builder()
            .party(text().generate(in))
            .notifiedAt(after(detected).generate(in))
            .channel(optional(text()).generate(in))
            .build();
  }

  /** Returns valid incidents with times in order and a resolution time once resolved. */
  public static Gen<AiIncident> incidents() {
    return in -> {
      Instant occurred = instant().generate(in);
      Instant detected = after(occurred).generate(in);
      IncidentStatus status = enumValue(IncidentStatus.class).generate(in);
      Optional<Instant> resolved =
          status.isResolved()
              ? Optional.of(after(detected).generate(in))
              : optional(after(detected)).generate(in);
      return AiIncident.builder()
          .id(recordId().generate(in))
          .systemId(slug().generate(in))
          .occurredAt(occurred)
          .detectedAt(detected)
          .severity(enumValue(IncidentSeverity.class).generate(in))
          .description(text().generate(in))
          .affectedParties(listOf(text(), 3).generate(in))
          .notifiedParties(listOf(notifications(detected), 3).generate(in))
          .controls(controlIds(3).generate(in))
          .nonconformityId(optional(recordId()).generate(in))
          .status(status)
          .resolvedAt(resolved)
          .build();
    };
  }
}
