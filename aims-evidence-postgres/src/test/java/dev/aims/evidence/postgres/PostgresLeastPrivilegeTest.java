package dev.aims.evidence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.verify.Decisions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service's role needs only the privileges in {@link #GRANTS}: with them, and the schema
 * migrated by its owner, a store opened with {@code migrate(false)} registers a new log, appends,
 * signs checkpoints and reads; and the role cannot change or remove what it wrote.
 */
class PostgresLeastPrivilegeTest {
  /** The privileges of the role a service uses, run by the schema's owner after migrating. */
  static final String GRANTS =
      """
      GRANT USAGE ON SCHEMA public TO aims_writer;
      GRANT SELECT, INSERT ON aims_log, aims_entry, aims_checkpoint TO aims_writer;
      GRANT SELECT, INSERT, DELETE ON aims_opening TO aims_writer;
      """;

  private static final String ROLE = "aims_writer";
  private static final String ORIGIN = "least-privilege.example/log";
  private static final NoteSigner SIGNER = NoteSigner.generate("least-privilege.example/key");
  private static DataSource owner;
  private static DataSource writer;

  @BeforeAll
  static void migrateAndGrant() throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    String db = pg.createDatabase();
    owner = pg.dataSource(db);
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement()) {
      // Roles belong to the cluster, not the database: another test class may have made it.
      s.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + ROLE
              + "') THEN CREATE ROLE "
              + ROLE
              + " LOGIN; END IF; END $$");
    }
    PostgresSchema.migrate(owner);
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement()) {
      s.execute(GRANTS);
    }
    writer = pg.dataSource(db, ROLE);
    // The owner writes a log first, so that the writer's checks below have rows to aim at.
    try (EvidenceLog log =
        EvidenceLog.builder()
            .store(PostgresLogStore.builder(owner).origin(ORIGIN).migrate(false).open())
            .origin(ORIGIN)
            .signer(SIGNER)
            .build()) {
      log.append(Decisions.decision(1));
    }
  }

  @Test
  void theReadme_givesExactlyTheseGrants() throws Exception {
    String readme =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("../README.md"), java.nio.charset.StandardCharsets.UTF_8);
    for (String line : GRANTS.strip().split("\n")) {
      assertThat(readme).as("README line %s", line).contains(line.strip());
    }
  }

  @Test
  void writerRole_registersALog_appends_signsCheckpoints_andReads() throws Exception {
    String origin = "least-privilege.example/writer-log";
    List<Long> indexes = new ArrayList<>();
    try (EvidenceLog log =
        EvidenceLog.builder()
            .store(PostgresLogStore.builder(writer).origin(origin).migrate(false).open())
            .origin(origin)
            .signer(SIGNER)
            .durability(Durability.DURABLE)
            .build()) {
      for (long n = 0; n < 20; n++) {
        Receipt r = log.append(Decisions.decision(n));
        indexes.add(r.index());
      }
      assertThat(log.checkpoint()).contains("\n20\n");
    }
    assertThat(indexes).containsExactlyElementsOf(LogAudit.range(20));
    // The owner's log, appended to and signed by the writer as a second instance would.
    try (EvidenceLog log =
        EvidenceLog.builder()
            .store(PostgresLogStore.builder(writer).origin(ORIGIN).migrate(false).open())
            .origin(ORIGIN)
            .signer(SIGNER)
            .durability(Durability.DURABLE)
            .build()) {
      log.append(Decisions.decision(2));
    }
    List<Long> seen = new ArrayList<>();
    LogAudit.Result result =
        LogAudit.audit(writer, origin, SIGNER.verifier(), (index, entry) -> seen.add(index));
    assertThat(seen).containsExactlyElementsOf(LogAudit.range(20));
    assertThat(result.latest().size()).isEqualTo(20);
    assertThat(LogAudit.audit(writer, ORIGIN, SIGNER.verifier(), (i, e) -> {}).latest().size())
        .isGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"aims_log", "aims_entry", "aims_checkpoint"})
  void writerRole_cannotUpdateDeleteOrTruncate(String table) throws Exception {
    String column =
        switch (table) {
          case "aims_log" -> "origin = origin";
          case "aims_entry" -> "entry = entry";
          default -> "note = note";
        };
    assertRefused("UPDATE " + table + " SET " + column);
    assertRefused("DELETE FROM " + table);
    assertRefused("TRUNCATE " + table);
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      assertThat(rs.getLong(1)).as("rows left in %s", table).isPositive();
    }
  }

  @Test
  void writerRole_keepsAndErasesOpenings_butCannotRewriteThem() throws Exception {
    try (PostgresOpeningStore openings = PostgresOpeningStore.open(writer, ORIGIN)) {
      Commitment kept = openings.commit("kept by the writer role");
      Commitment erased = openings.commit("erased by the writer role");
      openings.sync();
      assertThat(openings.get(kept)).isPresent();
      assertThat(openings.erase(erased)).isTrue();
      assertThat(openings.get(erased)).isEmpty();
    }
    assertRefused("UPDATE aims_opening SET value = '\\x02'::bytea");
    assertRefused("TRUNCATE aims_opening");
  }

  @Test
  void writerRole_cannotMigrate() {
    assertThatThrownBy(() -> PostgresSchema.migrate(writer))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("permission denied");
  }

  private static void assertRefused(String sql) {
    assertThatThrownBy(
            () -> {
              try (Connection c = writer.getConnection();
                  Statement s = c.createStatement()) {
                s.execute(sql);
              }
            })
        .as(sql)
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).as(sql).isEqualTo("42501"));
  }
}
