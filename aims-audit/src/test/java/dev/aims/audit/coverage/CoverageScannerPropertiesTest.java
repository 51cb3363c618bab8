package dev.aims.audit.coverage;

import static dev.aims.audit.coverage.TestLogs.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.aims.assessment.coverage.ControlEvidence;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.LogPosition;
import dev.aims.evidence.record.EvidenceRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/** The coverage of a generated log equals a brute-force count of the records it covers. */
class CoverageScannerPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final List<String> SYSTEMS = List.of("credit-scoring", "fraud-check", "chat");
  private static final List<String> CONTROLS = List.of("A.6.2.6", "A.6.2.8", "A.9.2", "A.8.4");

  @TempDir static Path tmp;
  private static final AtomicInteger logs = new AtomicInteger();

  /** One record: type, system, one or two controls, minutes after T0 (up to 40 days). */
  private static Gen<EvidenceRecord> records() {
    return integers()
        .between(0, 1)
        .zip(
            integers().between(0, SYSTEMS.size() - 1),
            integers().between(0, CONTROLS.size() * CONTROLS.size() - 1),
            integers().between(0, 40 * 24 * 60),
            (type, system, controls, minutes) -> {
              List<String> cited = new ArrayList<>();
              cited.add(CONTROLS.get(controls % CONTROLS.size()));
              String second = CONTROLS.get(controls / CONTROLS.size());
              if (!cited.contains(second)) {
                cited.add(second);
              }
              Instant at = T0.plusSeconds(minutes * 60L);
              return type == 0
                  ? TestLogs.decision(SYSTEMS.get(system), at, cited)
                  : TestLogs.monitoring(SYSTEMS.get(system), at, cited);
            });
  }

  @Test
  void coverage_equalsABruteForceCountOfTheCoveredRecords() {
    CoverageScanner scanner = CoverageScanner.builder().key(SIGNER.verifier()).build();
    qt().withExamples(40)
        .forAll(lists().of(records()).ofSizeBetween(0, 60), integers().between(0, 100))
        .checkAssert(
            (records, percent) -> {
              int covered = records.size() * percent / 100;
              Path dir =
                  TestLogs.write(tmp.resolve("log-" + logs.incrementAndGet()), records, covered);
              EvidenceCoverage scanned = scanner.scan(dir);
              LogPosition at = scanned.checkpoint().orElseThrow();
              assertThat(at.origin()).isEqualTo(SIGNER.name());
              assertThat(at.size()).isEqualTo(covered);
              assertThat(scanned).isEqualTo(bruteForce(records.subList(0, covered), at));
            });
  }

  /** Counts each (control, system) by scanning all records once per pair: obviously right. */
  private static EvidenceCoverage bruteForce(List<EvidenceRecord> records, LogPosition at) {
    List<ControlEvidence> out = new ArrayList<>();
    for (String control : CONTROLS) {
      for (String system : SYSTEMS) {
        Map<String, Long> byType = new HashMap<>();
        Map<java.time.LocalDate, Long> byDay = new TreeMap<>();
        Instant first = null;
        Instant last = null;
        for (EvidenceRecord r : records) {
          if (r.system().equals(system) && r.controls().contains(control)) {
            byType.merge(r.type().id(), 1L, Long::sum);
            byDay.merge(r.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate(), 1L, Long::sum);
            first = first == null || r.occurredAt().isBefore(first) ? r.occurredAt() : first;
            last = last == null || r.occurredAt().isAfter(last) ? r.occurredAt() : last;
          }
        }
        if (!byType.isEmpty()) {
          out.add(new ControlEvidence(control, system, byType, first, last, at, byDay));
        }
      }
    }
    return new EvidenceCoverage(Optional.of(at), out);
  }
}
