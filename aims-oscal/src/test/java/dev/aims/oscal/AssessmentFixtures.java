package dev.aims.oscal;

import dev.aims.assessment.coverage.ControlEvidence;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.LogPosition;
import dev.aims.audit.sample.SampledRecord;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.RecordsReader;
import dev.aims.evidence.record.RecordType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The records, evidence coverage and sample the assessment document tests share. */
final class AssessmentFixtures {
  static final LocalDate AS_OF = LocalDate.of(2026, 12, 6);
  static final LogPosition CHECKPOINT =
      new LogPosition("demo.aims.dev/credit-scoring", 5023, "q1k2c3RyZWVoYXNoCg==");

  private AssessmentFixtures() {}

  static AimsRecords samples() {
    return RecordsReader.standard().read(Path.of("../samples/records"));
  }

  /** Two controls for credit-scoring and one for customer-assistant, all in the evidence window. */
  static EvidenceCoverage coverage() {
    return new EvidenceCoverage(
        Optional.of(CHECKPOINT),
        List.of(
            new ControlEvidence(
                "A.6.2.8",
                "credit-scoring",
                Map.of("ai-decision", 5000L, "oversight-action", 20L),
                Instant.parse("2026-11-10T06:00:00Z"),
                Instant.parse("2026-12-06T09:37:00Z"),
                CHECKPOINT),
            new ControlEvidence(
                "A.6.2.8",
                "customer-assistant",
                Map.of("ai-decision", 3L),
                Instant.parse("2026-12-06T06:00:00Z"),
                Instant.parse("2026-12-06T07:00:00Z"),
                CHECKPOINT),
            new ControlEvidence(
                "A.9.2",
                "credit-scoring",
                Map.of("oversight-action", 20L),
                Instant.parse("2026-11-10T06:00:00Z"),
                Instant.parse("2026-12-05T18:00:00Z"),
                CHECKPOINT)));
  }

  static SampledRecord decision(long index) {
    return new SampledRecord(
        index,
        Instant.parse("2026-12-06T08:00:00Z"),
        RecordType.AI_DECISION,
        "credit-scoring",
        Optional.of("approve"),
        Optional.of("approved"),
        "record-" + index + ".tlog-proof");
  }

  static SampledRecord monitoring(long index) {
    return new SampledRecord(
        index,
        Instant.parse("2026-12-05T08:00:00Z"),
        RecordType.MONITORING_EVENT,
        "customer-assistant",
        Optional.empty(),
        Optional.empty(),
        "record-" + index + ".tlog-proof");
  }
}
