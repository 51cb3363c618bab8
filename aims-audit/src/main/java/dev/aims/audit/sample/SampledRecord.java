package dev.aims.audit.sample;

import dev.aims.evidence.record.OversightOutcome;
import dev.aims.evidence.record.RecordType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of the evidence log that an auditor sampled, as the audit pack's report lists it in
 * its "Auditor sample" section: where it is in the log, what it is, and the file holding its
 * inclusion proof.
 *
 * @param index the record's entry index in the log
 * @param occurredAt when the recorded event occurred
 * @param type the record's type
 * @param system the AI system the record is about
 * @param decision the decision taken, for an AI decision record
 * @param oversight the human oversight outcome, when a person reviewed the decision
 * @param proofFile the name of the file, relative to the pack, that holds the record's inclusion
 *     proof
 */
public record SampledRecord(
    long index,
    Instant occurredAt,
    RecordType type,
    String system,
    Optional<String> decision,
    Optional<OversightOutcome> oversight,
    String proofFile) {

  /** Checks the components: all required, the index not negative. */
  public SampledRecord {
    if (index < 0) {
      throw new IllegalArgumentException("sampled record index must be >= 0, was " + index);
    }
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(oversight, "oversight");
    Objects.requireNonNull(proofFile, "proofFile");
  }
}
