package dev.aims.evidence.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The statements of the PostgreSQL store, and how its failures are reported. */
final class Sql {
  private Sql() {}

  static final String SIZE = "SELECT coalesce(max(idx) + 1, 0) FROM aims_entry WHERE log_id = ?";

  static final String INSERT_ENTRIES =
      "INSERT INTO aims_entry (log_id, idx, entry, hashes)"
          + " SELECT ?, t.i, t.e, t.h FROM unnest(?::bigint[], ?::bytea[], ?::bytea[]) AS t(i, e, h)";

  static final String COPY_ENTRIES =
      "COPY aims_entry (log_id, idx, entry, hashes) FROM STDIN (FORMAT binary)";

  static final String ROWS_HASHES =
      "SELECT idx, hashes FROM aims_entry WHERE log_id = ? AND idx = ANY(?)";

  static final String INSERT_CHECKPOINT =
      "INSERT INTO aims_checkpoint (log_id, seq, size, note) VALUES (?, ?, ?, ?)";

  static final String LATEST_CHECKPOINT =
      "SELECT seq, size, note FROM aims_checkpoint WHERE log_id = ? ORDER BY seq DESC LIMIT 1";

  static final String CHECKPOINTS =
      "SELECT note FROM aims_checkpoint WHERE log_id = ? ORDER BY seq";

  static final String ENTRIES =
      "SELECT entry FROM aims_entry WHERE log_id = ? AND idx >= ? AND idx < ? ORDER BY idx";

  static final String STORED_ENTRIES =
      "SELECT idx, entry, hashes FROM aims_entry"
          + " WHERE log_id = ? AND idx >= ? AND idx < ? ORDER BY idx";

  /** Runs a query of one row and one number (a count, a size) and returns the number. */
  static long single(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Makes the current transaction read rows in the order of the primary key by walking it, never by
   * sorting them: a whole log read in order (verification, export, streaming) must not make the
   * server sort it on disk, which a planner with stale statistics chooses for a fresh table.
   */
  static void inIndexOrder(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL enable_sort TO off; SET LOCAL enable_bitmapscan TO off");
    }
  }

  /**
   * Wraps a database failure: the message names the log, the operation and the SQLSTATE with
   * PostgreSQL's primary message, never the server's detail line (which may quote a row's values).
   * The cause is a copy without that detail, with the original stack trace.
   */
  static IOException failure(String origin, String operation, SQLException e) {
    String primary = primary(e);
    SQLException clean = new SQLException(primary, e.getSQLState(), e.getErrorCode());
    clean.setStackTrace(e.getStackTrace());
    return new IOException(
        "PostgreSQL log "
            + origin
            + ": "
            + operation
            + " failed (SQLSTATE "
            + e.getSQLState()
            + "): "
            + primary,
        clean);
  }

  private static String primary(SQLException e) {
    if (e instanceof PSQLException) {
      ServerErrorMessage m = ((PSQLException) e).getServerErrorMessage();
      if (m != null && m.getMessage() != null) {
        return m.getMessage();
      }
    }
    String msg = String.valueOf(e.getMessage());
    int detail = msg.indexOf("\n");
    return detail < 0 ? msg : msg.substring(0, detail);
  }
}
