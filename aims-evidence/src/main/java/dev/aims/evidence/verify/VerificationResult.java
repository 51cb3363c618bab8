package dev.aims.evidence.verify;

import java.util.List;
import java.util.Objects;

/**
 * What {@link LogVerifier} found: the counts of what it checked and every problem (up to a limit).
 * The log holds exactly when {@link #ok()}.
 *
 * @param layout the layout the directory was read as
 * @param entries the number of entries checked
 * @param checkpoints the number of checkpoints checked
 * @param bytes the total size of the entries checked
 * @param problems the problems found, in the order found, at most the verifier's limit
 * @param omittedProblems how many further problems were found but not listed
 * @param keys the verifier keys (C2SP vkeys) trusted at the end: those given, and those learned
 *     from key rotation records when the verifier follows them
 */
public record VerificationResult(
    Layout layout,
    long entries,
    long checkpoints,
    long bytes,
    List<Problem> problems,
    long omittedProblems,
    List<String> keys) {

  /** Creates a result; the lists are copied. */
  public VerificationResult {
    Objects.requireNonNull(layout, "layout");
    problems = List.copyOf(problems);
    keys = List.copyOf(keys);
  }

  /** Returns whether every check held. */
  public boolean ok() {
    return problems.isEmpty() && omittedProblems == 0;
  }

  /** The directory layouts the verifier reads. */
  public enum Layout {
    /** An AIMS evidence-log directory ({@link dev.aims.evidence.internal.FileLayout}). */
    AIMS_LOG,
    /** A C2SP tlog-tiles directory. */
    TLOG_TILES,
    /** Neither: nothing could be verified. */
    UNKNOWN
  }
}
