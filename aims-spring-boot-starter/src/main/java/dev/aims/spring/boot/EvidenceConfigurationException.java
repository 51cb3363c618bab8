package dev.aims.spring.boot;

import java.util.Objects;
import java.util.Optional;

/**
 * The evidence log could not be opened from the application's {@code aims.evidence.*} properties:
 * names the property, its value and what is wrong with it, and says what to do, so that the
 * application fails at start-up instead of at its first decision.
 *
 * <p>Neither the message nor {@link #value()} ever holds key material: a value that may be a key
 * (the signer key given as text) is withheld.
 */
public final class EvidenceConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final String value;
  private final String problem;
  private final String action;

  /**
   * Creates the exception.
   *
   * @param property the property at fault, such as {@code aims.evidence.directory}
   * @param value the property's value as configured, or null when it is not set or must not be
   *     repeated (see {@code shown})
   * @param shown whether {@code value} may be repeated; false for a value that may be key material
   * @param problem what is wrong, in words
   * @param action what to change
   * @param cause the underlying failure, or null
   */
  public EvidenceConfigurationException(
      String property,
      String value,
      boolean shown,
      String problem,
      String action,
      Throwable cause) {
    super(message(property, value, shown, problem), cause);
    this.property = Objects.requireNonNull(property, "property");
    this.value = shown ? value : null;
    this.problem = Objects.requireNonNull(problem, "problem");
    this.action = Objects.requireNonNull(action, "action");
  }

  private static String message(String property, String value, boolean shown, String problem) {
    if (!shown) {
      return property + " (value not repeated: it may be key material): " + problem;
    }
    if (value == null) {
      return property + " is not set: " + problem;
    }
    return property + "=" + value + ": " + problem;
  }

  /** Returns the property at fault, such as {@code aims.evidence.store}. */
  public String property() {
    return property;
  }

  /** Returns the value as configured, unless it is unset or withheld as possible key material. */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  /** Returns what is wrong, without the property name. */
  public String problem() {
    return problem;
  }

  /** Returns what to change so that the application starts. */
  public String action() {
    return action;
  }
}
