package dev.aims.core.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a record breaks one or more of its declared constraints, or when records read from
 * files are not valid ({@link dev.aims.core.records.RecordsReader}). Carries every violation, not
 * only the first, so that a user can fix a record in one pass; those read from files each name the
 * file, the record, the line and the column ({@link Violation#location()}).
 */
public class InvalidRecordException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String record;
  private final List<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param record what was validated, e.g. {@code AiSystem 'credit-scoring'} or {@code records
   *     directory samples/records}
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
    int n = violations.size();
    // Problems found reading files are listed under what was read; a value built in code is
    // named with its violations.
    String head =
        violations.stream().allMatch(v -> v.location().known())
            ? n + (n == 1 ? " problem in " : " problems in ") + record + ":\n"
            : record + " is invalid (" + n + (n == 1 ? " violation" : " violations") + "):\n";
    return head + violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n"));
  }
}
