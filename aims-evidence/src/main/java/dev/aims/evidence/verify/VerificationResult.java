package dev.aims.evidence.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param witnessed under a witness policy, the latest checkpoint that enough witnesses cosigned;
 *     empty without a policy or when no checkpoint met it
 */
public record VerificationResult(
    Layout layout,
    long entries,
    long checkpoints,
    long bytes,
    List<Problem> problems,
    long omittedProblems,
    List<String> keys,
    Optional<Witnessed> witnessed) {

  /** Creates a result; the lists are copied. */
  public VerificationResult {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(witnessed, "witnessed");
    problems = List.copyOf(problems);
    keys = List.copyOf(keys);
  }

  /** Creates a result of a verification without a witness policy; the lists are copied. */
  public VerificationResult(
      Layout layout,
      long entries,
      long checkpoints,
      long bytes,
      List<Problem> problems,
      long omittedProblems,
      List<String> keys) {
    this(layout, entries, checkpoints, bytes, problems, omittedProblems, keys, Optional.empty());
  }

  /**
   * Returns this result with {@code more} problems after its own (checks made after the log's
   * verification, such as held checkpoints); everything else is kept.
   */
  public VerificationResult withProblems(List<Problem> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Problem> all = new java.util.ArrayList<>(problems);
    all.addAll(more);
    return new VerificationResult(
        layout, entries, checkpoints, bytes, all, omittedProblems, keys, witnessed);
  }

  /** Returns whether every check held. */
  public boolean ok() {
    return problems.isEmpty() && omittedProblems == 0;
  }

  /**
   * Returns the outcome in words, as {@code aims verify} prints it: when the log holds, one line
   * "OK: evidence log DIR: 3 entries, 1 checkpoint, 812 bytes"; else a line "FAILED: ..." with the
   * number of problems and the counts read, each listed problem on its own line indented by two
   * spaces, and how many more were found but not listed. Each line ends in {@code \n}. A log of the
   * {@link Layout#TLOG_TILES} layout is called a "tlog-tiles log", any other an "evidence log".
   * Under a witness policy that a checkpoint met, the line of {@link Witnessed#summary()} follows.
   *
   * @param dir the directory that was verified, as it is to be named
   */
  public String summary(Path dir) {
    String w = witnessed.map(x -> x.summary() + "\n").orElse("");
    return outcome(dir) + w;
  }

  private String outcome(Path dir) {
    String what = (layout == Layout.TLOG_TILES ? "tlog-tiles log " : "evidence log ") + dir;
    if (ok()) {
      return "OK: "
          + what
          + ": "
          + count(entries, "entry", "entries")
          + ", "
          + count(checkpoints, "checkpoint", "checkpoints")
          + ", "
          + count(bytes, "byte", "bytes")
          + "\n";
    }
    StringBuilder b = new StringBuilder("FAILED: ").append(what).append(": ");
    b.append(count(problems.size() + omittedProblems, "problem", "problems"));
    b.append(" (" + entries + " entries and " + checkpoints + " checkpoints read)\n");
    problems.forEach(p -> b.append("  ").append(p).append('\n'));
    if (omittedProblems > 0) {
      b.append("  ... and ").append(omittedProblems).append(" more\n");
    }
    return b.toString();
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** The directory layouts the verifier reads. */
  public enum Layout {
    /** An AIMS evidence-log directory ({@link dev.aims.evidence.internal.FileLayout}). */
    AIMS_LOG,
    /** A C2SP tlog-tiles directory. */
    TLOG_TILES,
    /**
     * A log in PostgreSQL (aims-evidence-postgres): problems name the table ({@code aims_entry},
     * {@code aims_checkpoint}) as their file.
     */
    POSTGRES,
    /** Neither: nothing could be verified. */
    UNKNOWN
  }
}
