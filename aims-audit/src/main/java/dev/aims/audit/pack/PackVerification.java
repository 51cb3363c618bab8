package dev.aims.audit.pack;

import dev.aims.evidence.verify.VerificationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link AuditPack#verify} found in an audit pack.
 *
 * @param files the number of listed files whose digest was checked
 * @param log the evidence log's verification result, when the log could be verified at all (the
 *     manifest's signature held)
 * @param problems every problem, in the order found: the manifest, the listed files, the unlisted
 *     files, then the log
 */
public record PackVerification(
    int files, Optional<VerificationResult> log, List<PackProblem> problems) {

  /** Copies the list of problems. */
  public PackVerification {
    problems = List.copyOf(problems);
  }

  /** Returns whether every check held: no problem, and the log verified. */
  public boolean ok() {
    return problems.isEmpty() && log.map(VerificationResult::ok).orElse(false);
  }

  /**
   * Returns the outcome in words, as {@code aims verify PACK} prints it: when every check held, one
   * line "OK audit pack PACK: manifest signed by KEY; 12 files match; log 40 entries, 3
   * checkpoints"; else a line "FAILED audit pack PACK: 2 problem(s)" and each problem on its own
   * line, indented by two spaces. Each line ends in {@code \n}.
   *
   * @param pack the pack's directory, as it is to be named
   * @param keyName the name of the verifier key the pack was checked with
   */
  public String summary(Path pack, String keyName) {
    if (ok()) {
      VerificationResult r = log.orElseThrow();
      return "OK audit pack "
          + pack
          + ": manifest signed by "
          + keyName
          + "; "
          + files
          + " files match; log "
          + r.entries()
          + " entries, "
          + r.checkpoints()
          + " checkpoints\n";
    }
    StringBuilder b = new StringBuilder("FAILED audit pack " + pack + ": ");
    b.append(problems.size()).append(" problem(s)\n");
    problems.forEach(p -> b.append("  ").append(p).append('\n'));
    return b.toString();
  }

  /** Returns the problems of {@code kind}. */
  public List<PackProblem> problems(PackProblem.Kind kind) {
    return problems.stream().filter(p -> p.kind() == kind).toList();
  }
}
