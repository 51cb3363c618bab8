package dev.aims.audit.pack;

import dev.aims.evidence.verify.VerificationResult;
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

  /** Returns the problems of {@code kind}. */
  public List<PackProblem> problems(PackProblem.Kind kind) {
    return problems.stream().filter(p -> p.kind() == kind).toList();
  }
}
