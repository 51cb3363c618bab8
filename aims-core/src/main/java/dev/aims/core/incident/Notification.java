package dev.aims.core.incident;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** Who was told about an AI incident, and when (A.8.4 communication of incidents). */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableNotification.class)
@JsonDeserialize(builder = Notification.Builder.class)
public abstract class Notification {
  Notification() {}

  /**
   * Returns who was notified, e.g. {@code affected customers}, {@code data protection authority}.
   */
  @NotBlank
  public abstract String party();

  /** Returns when. */
  public abstract Instant notifiedAt();

  /** Returns how, when recorded, e.g. {@code e-mail}. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      channel();

  /** Returns a notification without a recorded channel. */
  public static Notification of(String party, Instant notifiedAt) {
    return builder().party(party).notifiedAt(notifiedAt).build();
  }

  @Value.Check
  final void check() {
    Invariants.of("Notification", party()).constraints(this).check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Notification}; {@code build()} rejects missing attributes. */
  public static final class Builder extends ImmutableNotification.Builder {}
}
