package dev.aims.evidence.postgres;

import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.Opening;
import dev.aims.evidence.privacy.OpeningStore;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The erasable side store of a PostgreSQL evidence log: the salt and raw value of every commitment
 * the log's leaves hold, in the table {@code aims_opening}, beside the log of the same origin.
 *
 * <p>{@link #put} keeps an opening in memory; {@link #sync()} (which the log calls before it stores
 * the entries that cite the openings) inserts every pending opening in one transaction, so that no
 * leaf reaches the database before the opening of its commitment. {@link #erase} deletes the row at
 * once and returns when the deletion has committed.
 *
 * <p><b>What erasure reaches.</b> The row is gone for every reader when {@code erase} returns;
 * PostgreSQL reclaims its space at the next (auto)vacuum. Copies outside the table (WAL archives,
 * base backups, replicas' delayed WAL) keep the value until they expire: a host that erases on
 * request sets their retention accordingly.
 *
 * <p>Thread-safe. Messages and exceptions never contain a salt or a value, only commitments (which
 * reveal nothing of the value) and PostgreSQL's SQLSTATE.
 */
public final class PostgresOpeningStore implements OpeningStore {
  private final DataSource dataSource;
  private final String origin;
  private final int logId;
  private final Map<Commitment, Opening> pending = new LinkedHashMap<>();
  // Held by sync and erase, so that an erasure never runs between a sync's read of the pending
  // openings and its insert (which would bring the erased opening back).
  private final ReentrantLock writes = new ReentrantLock();
  private volatile boolean closed;

  private PostgresOpeningStore(DataSource dataSource, String origin, int logId) {
    this.dataSource = dataSource;
    this.origin = origin;
    this.logId = logId;
  }

  /**
   * Opens the opening store of the log of {@code origin} on {@code dataSource}, registering the
   * origin if it is new. The tables must exist ({@link PostgresSchema#migrate(DataSource)}, or a
   * {@link PostgresLogStore} opened with migration first).
   *
   * @throws IOException if the database cannot be reached or the tables are missing
   */
  public static PostgresOpeningStore open(DataSource dataSource, String origin) throws IOException {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(origin, "origin");
    PostgresSchema.check(dataSource);
    try (Connection c = dataSource.getConnection()) {
      return new PostgresOpeningStore(dataSource, origin, PostgresSchema.logId(c, origin));
    } catch (SQLException e) {
      throw Sql.failure(origin, "opening the opening store", e);
    }
  }

  @Override
  public void put(Commitment commitment, Opening opening) {
    checkOpen();
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(opening, "opening");
    if (!commitment.isOpenedBy(opening)) {
      throw new IllegalArgumentException(
          "opening does not open commitment " + commitment + ": SHA-256(salt || value) differs");
    }
    synchronized (pending) {
      pending.put(commitment, opening);
    }
  }

  @Override
  public Optional<Opening> get(Commitment commitment) throws IOException {
    checkOpen();
    synchronized (pending) {
      Opening p = pending.get(commitment);
      if (p != null) {
        return Optional.of(p);
      }
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT salt, value FROM aims_opening WHERE log_id = ? AND commitment = ?")) {
      ps.setInt(1, logId);
      ps.setString(2, commitment.digest());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Opening(rs.getBytes(1), rs.getBytes(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw Sql.failure(origin, "reading the opening of " + commitment, e);
    }
  }

  @Override
  public boolean erase(Commitment commitment) throws IOException {
    checkOpen();
    writes.lock();
    try {
      return eraseLocked(commitment);
    } finally {
      writes.unlock();
    }
  }

  private boolean eraseLocked(Commitment commitment) throws IOException {
    boolean wasPending;
    synchronized (pending) {
      wasPending = pending.remove(commitment) != null;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM aims_opening WHERE log_id = ? AND commitment = ?")) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      ps.setInt(1, logId);
      ps.setString(2, commitment.digest());
      return ps.executeUpdate() > 0 || wasPending;
    } catch (SQLException e) {
      throw Sql.failure(origin, "erasing the opening of " + commitment, e);
    }
  }

  /** Inserts every pending opening in one committed transaction. */
  @Override
  public void sync() throws IOException {
    checkOpen();
    writes.lock();
    try {
      syncLocked();
    } finally {
      writes.unlock();
    }
  }

  private void syncLocked() throws IOException {
    Commitment[] commitments;
    Opening[] openings;
    synchronized (pending) {
      if (pending.isEmpty()) {
        return;
      }
      commitments = pending.keySet().toArray(new Commitment[0]);
      openings = pending.values().toArray(new Opening[0]);
    }
    int n = commitments.length;
    String[] digests = new String[n];
    byte[][] salts = new byte[n][];
    byte[][] values = new byte[n][];
    for (int i = 0; i < n; i++) {
      digests[i] = commitments[i].digest();
      salts[i] = openings[i].salt();
      values[i] = openings[i].value();
    }
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      Array d = c.createArrayOf("text", digests);
      Array s = c.createArrayOf("bytea", salts);
      Array v = c.createArrayOf("bytea", values);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO aims_opening (log_id, commitment, salt, value)"
                  + " SELECT ?, t.c, t.s, t.v FROM unnest(?::text[], ?::bytea[], ?::bytea[])"
                  + " AS t(c, s, v) ON CONFLICT (log_id, commitment) DO NOTHING")) {
        ps.setInt(1, logId);
        ps.setArray(2, d);
        ps.setArray(3, s);
        ps.setArray(4, v);
        ps.executeUpdate();
      } finally {
        d.free();
        s.free();
        v.free();
      }
    } catch (SQLException e) {
      throw Sql.failure(origin, "storing " + n + " openings", e);
    }
    synchronized (pending) {
      for (int i = 0; i < n; i++) {
        pending.remove(commitments[i], openings[i]);
      }
    }
  }

  /** Marks the store closed; openings not yet synced are dropped (as after a crash). */
  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "the opening store of PostgreSQL log " + origin + " is closed");
    }
  }

  @Override
  public String toString() {
    return "PostgreSQL openings of " + origin;
  }
}
