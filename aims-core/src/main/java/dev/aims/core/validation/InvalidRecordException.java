package dev.aims.core.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a record breaks one or more of its declared constraints. Carries every violation, not
 * only the first, so that a user can fix a record in one pass.
 */
public class InvalidRecordException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String record;
  private final List<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param record what was validated, e.g. {@code AiSystem 'credit-scoring'}
   * @param violations every violation found; must not be empty
   */
  public InvalidRecordException(String record, List<Violation> violations) {
    super(format(record, violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("violations must not be empty");
    }
    this.record = record;
    this.violations = List.copyOf(violations);
  }

  /** Returns a description of the record that was rejected. */
  public String record() {
    return record;
  }

  /** Returns every violation, sorted by property path. */
  public List<Violation> violations() {
    return violations;
  }

  private static String format(String record, List<Violation> violations) {
    return record
        + " is invalid ("
        + violations.size()
        + (violations.size() == 1 ? " violation" : " violations")
        + "):\n"
        + violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n"));
  }
}
