package dev.aims.audit.sample;

import dev.aims.evidence.record.RecordType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of an auditor's sample: where it is in the log, what it is, and the file that proves
 * it is there.
 *
 * @param index the record's index in the log (from 0)
 * @param occurredAt when the recorded event happened
 * @param type the record's type
 * @param system the AI system id
 * @param decision the decision an AI decision record states; empty for other types
 * @param oversight the human oversight outcome (lower case, e.g. {@code approved}) of an AI
 *     decision that carries one, or of an oversight action; empty otherwise
 * @param proofFile the proof's file name, relative to the sample directory (e.g. {@code
 *     record-5.tlog-proof})
 */
public record SampledRecord(
    long index,
    Instant occurredAt,
    RecordType type,
    String system,
    Optional<String> decision,
    Optional<String> oversight,
    String proofFile) {

  /** Checks that every component is present and the index is not negative. */
  public SampledRecord {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, was " + index);
    }
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(oversight, "oversight");
    Objects.requireNonNull(proofFile, "proofFile");
  }

  /**
   * Returns this record with its proof at {@code proofFile}, e.g. relative to another directory.
   */
  public SampledRecord withProofFile(String proofFile) {
    return new SampledRecord(index, occurredAt, type, system, decision, oversight, proofFile);
  }
}
