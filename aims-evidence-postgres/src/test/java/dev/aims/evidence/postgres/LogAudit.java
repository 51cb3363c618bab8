package dev.aims.evidence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.NodeTable;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Checks a log in PostgreSQL with the public API of aims-evidence only, independently of the
 * store's own reading code paths where it can: reads every row, recomputes every leaf and node hash
 * and compares them with the stored ones, then checks every checkpoint in seq order (signature by
 * the key, origin, size column, root recomputed at its size, sizes never decreasing, one root per
 * size and a consistency proof from the previous checkpoint).
 */
final class LogAudit {
  private LogAudit() {}

  /** Receives each stored entry in index order. */
  interface EntryVisitor {
    void visit(long index, byte[] entry);
  }

  /** What the audit found: the log's size, its checkpoints in seq order, its root. */
  record Result(long size, List<Checkpoint> checkpoints, byte[] root) {
    Checkpoint latest() {
      return checkpoints.get(checkpoints.size() - 1);
    }
  }

  /** Returns 0, 1, ..., n - 1. */
  static List<Long> range(long n) {
    List<Long> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  /** Audits the log of {@code origin}, handing each entry to {@code visitor}. */
  static Result audit(DataSource ds, String origin, NoteVerifier key, EntryVisitor visitor)
      throws IOException, SQLException {
    NodeTable table = new NodeTable();
    long size;
    try (PostgresLogStore store =
        PostgresLogStore.builder(ds).origin(origin).migrate(false).open()) {
      size = store.size();
      ByteArrayOutputStream completed = new ByteArrayOutputStream();
      CompactRange range =
          CompactRange.create(
              (level, index, hash) -> {
                table.node(level, index, hash);
                completed.write(hash, 0, hash.length);
              });
      long expected = 0;
      try (Stream<PostgresLogStore.StoredEntry> rows = store.storedEntries(0)) {
        for (PostgresLogStore.StoredEntry row :
            (Iterable<PostgresLogStore.StoredEntry>) rows::iterator) {
          assertThat(row.index()).as("rows are contiguous from 0").isEqualTo(expected);
          completed.reset();
          range.append(MerkleHash.leaf(row.entry()));
          assertThat(row.hashes())
              .as("stored leaf and node hashes of entry %d", row.index())
              .isEqualTo(completed.toByteArray());
          visitor.visit(row.index(), row.entry());
          expected++;
        }
      }
      assertThat(expected).as("rows read").isEqualTo(size);
    }
    List<Checkpoint> checkpoints = new ArrayList<>();
    Map<Long, byte[]> rootBySize = new HashMap<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT k.seq, k.size, k.note FROM aims_checkpoint k JOIN aims_log l"
                    + " ON l.log_id = k.log_id WHERE l.origin = ? ORDER BY k.seq")) {
      ps.setString(1, origin);
      try (ResultSet rs = ps.executeQuery()) {
        Checkpoint previous = null;
        while (rs.next()) {
          assertThat(rs.getLong(1)).as("checkpoint seq").isEqualTo(checkpoints.size());
          Checkpoint cp = key.verifyCheckpoint(rs.getString(3));
          assertThat(cp.origin()).isEqualTo(origin);
          assertThat(cp.size()).as("size column of seq %d", rs.getLong(1)).isEqualTo(rs.getLong(2));
          assertThat(cp.size()).as("checkpoint within the log").isLessThanOrEqualTo(size);
          assertThat(cp.root())
              .as("root of checkpoint seq %d at size %d", rs.getLong(1), cp.size())
              .isEqualTo(Proofs.root(cp.size(), table));
          byte[] other = rootBySize.putIfAbsent(cp.size(), cp.root());
          assertThat(other == null ? cp.root() : other)
              .as("no fork at size %d", cp.size())
              .isEqualTo(cp.root());
          if (previous != null) {
            assertThat(cp.size())
                .as("sizes never decrease")
                .isGreaterThanOrEqualTo(previous.size());
            if (previous.size() > 0) {
              Proofs.verifyConsistency(
                  previous.size(),
                  cp.size(),
                  previous.root(),
                  cp.root(),
                  Proofs.consistency(previous.size(), cp.size(), table));
            }
          }
          checkpoints.add(cp);
          previous = cp;
        }
      }
    }
    // The library's own verifier must agree with this independent audit.
    try (PostgresLogStore store =
        PostgresLogStore.builder(ds).origin(origin).migrate(false).open()) {
      VerificationResult r =
          PostgresLogVerifier.builder()
              .key(key)
              .canonicalJson(false) // some tests store opaque entries: bytes, tree, signatures
              .build()
              .verify(store);
      boolean covered =
          !checkpoints.isEmpty() && checkpoints.get(checkpoints.size() - 1).size() == size;
      assertThat(r.problems())
          .as("PostgresLogVerifier on the audited log")
          .allMatch(p -> !covered ? p.check() == Problem.Check.COVERAGE : false);
      assertThat(r.entries()).isEqualTo(size);
    }
    return new Result(size, checkpoints, Proofs.root(size, table));
  }
}
