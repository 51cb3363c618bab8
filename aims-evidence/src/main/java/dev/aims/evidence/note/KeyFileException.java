package dev.aims.evidence.note;

import java.nio.file.Path;

/**
 * A key pair could not be written by {@link KeyFiles#write}: the message names the file or
 * directory and what was expected, never any key material. {@link #problem()} says which check
 * failed, so that a caller can add its own advice (which option to change).
 */
public final class KeyFileException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Which step of writing a key pair failed. */
  public enum Problem {
    /** The key directory is a file. */
    DIRECTORY_IS_A_FILE,
    /** The key directory is missing and its nearest existing ancestor is a file. */
    PARENT_IS_A_FILE,
    /** A key file to be written is a directory. */
    KEY_FILE_IS_A_DIRECTORY,
    /** A key file to be written exists already; key files are never overwritten. */
    KEY_FILE_EXISTS,
    /** The key directory could not be created. */
    CANNOT_CREATE_DIRECTORY,
    /** A key file could not be written; the message says whether a half pair was removed. */
    CANNOT_WRITE
  }

  private final Problem problem;
  private final String path;
  private final String reason;

  KeyFileException(Problem problem, Path path, String reason, String message) {
    super(message);
    this.problem = problem;
    this.path = path.toString();
    this.reason = reason;
  }

  /** Returns which step failed. */
  public Problem problem() {
    return problem;
  }

  /** Returns the file or directory the problem is about. */
  public Path path() {
    return Path.of(path);
  }

  /** Returns the file system's cause in words (such as "permission denied"), or "" if none. */
  public String reason() {
    return reason;
  }
}
