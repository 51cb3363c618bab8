package dev.aims.evidence.postgres;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.OversightOutcome;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Logs on the shared embedded server for the verifier's and the export's tests. */
final class VerifyTestLogs {
  private static final AtomicInteger LOGS = new AtomicInteger();
  static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");

  private VerifyTestLogs() {}

  static DataSource pool() {
    return EmbeddedPostgres.shared().sharedPool();
  }

  /** A new origin of its own, so that tests sharing the database never see each other's logs. */
  static String origin(String name) {
    return "verify.example/"
        + name
        + "-"
        + ProcessHandle.current().pid()
        + "-"
        + LOGS.incrementAndGet();
  }

  static PostgresLogStore open(String origin) throws IOException {
    return PostgresLogStore.builder(pool()).origin(origin).open();
  }

  /** A decision numbered {@code n}. */
  static AiDecision decision(int n) {
    return AiDecision.builder()
        .system("credit-scoring")
        .occurredAt(T0.plusMillis(n))
        .model("risk-gbm")
        .modelVersion("4.2.0")
        .input(ProtectedValue.redacted("application " + n + ", applicant data withheld"))
        .output(ProtectedValue.redacted("score band C"))
        .confidence("0.87")
        .decision("decision " + n)
        .oversight(HumanOversight.of("uw-117", OversightOutcome.APPROVED))
        .build();
  }

  /** An evidence log writing to a new store on {@code origin}. */
  static EvidenceLog evidenceLog(String origin, dev.aims.evidence.note.NoteSigner signer)
      throws IOException {
    // Checkpoints only when the test asks (and at close), so that their sizes are known.
    return EvidenceLog.builder()
        .store(open(origin))
        .origin(origin)
        .signer(signer)
        .checkpointEvery(1_000_000, java.time.Duration.ofDays(1))
        .build();
  }

  /**
   * Runs a statement as the superuser on the log's rows, as an attacker with the database would.
   */
  static int sql(String sql, Object... args) throws SQLException {
    try (Connection c = pool().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }

  /** Reads one value as the superuser. */
  static Object query(String sql, Object... args) throws SQLException {
    try (Connection c = pool().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1);
      }
    }
  }

  /** The SQL condition on a log's rows by its origin. */
  static final String LOG = "log_id = (SELECT log_id FROM aims_log WHERE origin = ?)";
}
