package dev.aims.core.validation;

import java.util.Objects;

/**
 * One broken constraint of a record: where (the property path, and for a record read from a file,
 * the file, record, line and column), which constraint, the value found and a readable message.
 *
 * @param path property path inside the record, e.g. {@code models[0].version}; {@code -} for a
 *     problem of a whole file, such as a syntax error
 * @param constraint simple name of the constraint, e.g. {@code NotBlank}, or the kind of read
 *     problem ({@code Json}, {@code Type}, {@code UnknownField}, {@code Required}, ...)
 * @param value the offending value as text ({@code "null"} when absent, {@code -} when none
 *     applies)
 * @param message what is wrong, in words
 * @param location where in which file the problem is; {@link Location#NONE} for a value built in
 *     code
 */
public record Violation(
    String path, String constraint, String value, String message, Location location) {
  /** Creates a violation; every component is required. */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(constraint, "constraint");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  /** Creates a violation of a value built in code, with no file location. */
  public Violation(String path, String constraint, String value, String message) {
    this(path, constraint, value, message, Location.NONE);
  }

  /** Returns this violation found at {@code where}. */
  public Violation at(Location where) {
    return new Violation(path, constraint, value, message, where);
  }

  /**
   * Where a violation was found in a file.
   *
   * @param file the file, as given or relative to the records directory (e.g. {@code
   *     risks/R-001.json}); {@code -} when not read from a file
   * @param record the record's id (or other name) when known, else {@code -}
   * @param line the line (from 1) of the field or of the syntax error, 0 when unknown
   * @param column the column (from 1), 0 when unknown
   */
  public record Location(String file, String record, long line, long column) {
    /** No location: the value was built in code. */
    public static final Location NONE = new Location("-", "-", 0, 0);

    /** Creates a location; file and record are required, line and column at least 0. */
    public Location {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(record, "record");
      if (line < 0 || column < 0) {
        throw new IllegalArgumentException(
            "line and column must be 0 or more, was " + line + ":" + column);
      }
    }

    /** Returns whether this names a file. */
    public boolean known() {
      return !file.equals("-");
    }

    @Override
    public String toString() {
      return file
          + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "")
          + (record.equals("-") ? "" : " (record '" + record + "')");
    }
  }

  /**
   * Returns the violation in words: {@code path: message (constraint, value: v)}, or for one read
   * from a file {@code file:line:column (record 'r'): field 'path': message (value: v)}.
   */
  @Override
  public String toString() {
    if (!location.known()) {
      return path + ": " + message + " (" + constraint + ", value: " + value + ")";
    }
    return location
        + (path.equals("-") ? "" : ": field '" + path + "'")
        + ": "
        + message
        + (value.equals("-") ? "" : " (value: " + value + ")");
  }
}
