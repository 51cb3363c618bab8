package dev.aims.audit.coverage;

import dev.aims.evidence.verify.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * Thrown when an evidence log cannot be counted: the directory is not a log or an audit pack, a
 * file cannot be read, the log does not verify with the given keys, or no signed checkpoint covers
 * its records. The message names the directory and what failed; {@link #problems()} lists the
 * verifier's problems when the log did not verify. No message holds key material or record
 * contents.
 */
public final class CoverageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The problems listed in the message at most; the rest are counted. */
  private static final int LISTED = 10;

  private final transient Path directory;
  private final transient List<Problem> problems;

  CoverageException(Path directory, String what, List<Problem> problems, Throwable cause) {
    super(message(directory, what, problems), cause);
    this.directory = directory;
    this.problems = List.copyOf(problems);
  }

  CoverageException(Path directory, String what) {
    this(directory, what, List.of(), null);
  }

  /** Returns the log or audit pack directory concerned. */
  public Path directory() {
    return directory;
  }

  /** Returns the problems the log's verification found (empty when it failed otherwise). */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(Path directory, String what, List<Problem> problems) {
    StringBuilder sb =
        new StringBuilder("evidence log ").append(directory).append(": ").append(what);
    problems.stream().limit(LISTED).forEach(p -> sb.append("\n  ").append(p));
    if (problems.size() > LISTED) {
      sb.append("\n  ... and ").append(problems.size() - LISTED).append(" more");
    }
    return sb.toString();
  }
}
