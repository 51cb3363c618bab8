package dev.aims.evidence.record;

/**
 * Thrown when log entry bytes are not an evidence record this library can read: not canonical JSON,
 * another envelope schema, or a field of the wrong shape. Names the field's JSON path.
 */
public class MalformedLeafException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param path JSON path of the offending field, e.g. {@code $.body.outcome}
   * @param problem what is wrong with it
   */
  public MalformedLeafException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
    this.problem = problem;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param path JSON path of the offending field, or {@code $} for the whole entry
   * @param problem what is wrong with it
   * @param cause the underlying failure
   */
  public MalformedLeafException(String path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
    this.path = path;
    this.problem = problem;
  }

  /** Returns what is wrong with the field, without its path. */
  public String problem() {
    return problem;
  }

  /** Returns the JSON path of the offending field. */
  public String path() {
    return path;
  }
}
