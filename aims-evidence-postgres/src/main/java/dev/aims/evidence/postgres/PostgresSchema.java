package dev.aims.evidence.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The tables of the PostgreSQL store, created and upgraded by versioned Flyway migrations (in
 * {@code dev/aims/evidence/postgres/migration}, history in the table {@value #HISTORY_TABLE}, so
 * that they never mix with a host application's own migrations).
 *
 * <p>Run {@link #migrate(DataSource)} with a role that may create tables (the schema's owner); the
 * service's own role then needs only the privileges the README lists: INSERT and SELECT on the
 * log's tables, DELETE on the openings only.
 */
public final class PostgresSchema {
  /** The table that records which migrations ran. */
  public static final String HISTORY_TABLE = "aims_schema_history";

  /** The schema version this library writes and reads. */
  public static final int VERSION = 1;

  static final List<String> TABLES =
      List.of("aims_log", "aims_entry", "aims_checkpoint", "aims_opening");

  private PostgresSchema() {}

  /**
   * Creates the tables, or upgrades them to {@link #VERSION}, in the data source's current schema.
   * Safe to run at every start and from several instances at once: Flyway serialises them.
   *
   * @throws IOException naming the failed migration when the database refuses it
   */
  public static void migrate(DataSource dataSource) throws IOException {
    try {
      Flyway.configure(PostgresSchema.class.getClassLoader())
          .dataSource(dataSource)
          .locations("classpath:dev/aims/evidence/postgres/migration")
          .table(HISTORY_TABLE)
          // A host's schema usually holds its own tables: start our history beside them.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new IOException("migrating the AIMS evidence tables failed: " + e.getMessage(), e);
    }
  }

  /** Checks that the tables exist, for a store opened without migrating. */
  static void check(DataSource dataSource) throws IOException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      for (String table : TABLES) {
        ps.setString(1, table);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            throw new IOException(
                "the AIMS evidence table "
                    + table
                    + " is missing from the database: run PostgresSchema.migrate with a role"
                    + " that may create tables, or open the store with migrate(true)");
          }
        }
      }
    } catch (SQLException e) {
      throw Sql.failure("(schema)", "checking the AIMS evidence tables", e);
    }
  }

  /** Returns the id of the log of {@code origin}, registering the origin when it is new. */
  static int logId(Connection c, String origin) throws SQLException {
    try (PreparedStatement find =
        c.prepareStatement("SELECT log_id FROM aims_log WHERE origin = ?")) {
      find.setString(1, origin);
      try (ResultSet rs = find.executeQuery()) {
        if (rs.next()) {
          return rs.getInt(1);
        }
      }
      try (PreparedStatement add =
          c.prepareStatement(
              "INSERT INTO aims_log (origin) VALUES (?) ON CONFLICT (origin) DO NOTHING")) {
        add.setString(1, origin);
        add.executeUpdate();
      }
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("the origin was not registered", "XX000");
        }
        return rs.getInt(1);
      }
    }
  }
}
