package dev.aims.core.validation;

import java.util.Objects;

/**
 * One broken constraint of a record: where (the property path), which constraint, the value found
 * and a readable message.
 *
 * @param path property path inside the record, e.g. {@code models[0].version}
 * @param constraint simple name of the constraint, e.g. {@code NotBlank}
 * @param value the offending value as text ({@code "null"} when absent)
 * @param message what is wrong, in words
 */
public record Violation(String path, String constraint, String value, String message) {
  /** Creates a violation; every component is required. */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(constraint, "constraint");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message + " (" + constraint + ", value: " + value + ")";
  }
}
