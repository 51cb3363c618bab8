package dev.aims.cli;

import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.postgres.PostgresUrl;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of the commands that read an evidence log in PostgreSQL ({@code aims verify}, {@code
 * aims export}): {@code --jdbc URL} and {@code --log ORIGIN}. The password never comes from the
 * command line: a URL carrying one is refused, and the password is read from {@code PGPASSWORD}
 * (the user from {@code PGUSER} when the URL names none), see {@link PostgresUrl}.
 */
final class DatabaseOptions {
  @Option(
      names = "--jdbc",
      paramLabel = "URL",
      description =
          "Read the evidence log from PostgreSQL: jdbc:postgresql://HOST[:PORT]/DATABASE[?user=USER]"
              + " (needs --log). The password is taken from the environment variable PGPASSWORD,"
              + " never from the URL; the user from PGUSER when the URL names none.")
  String url;

  @Option(
      names = "--log",
      paramLabel = "ORIGIN",
      description = "With --jdbc: the origin (name) of the log in the database.")
  String origin;

  /** The environment the password and user are read from; tests replace it. */
  Function<String, String> environment = System::getenv;

  /** Returns whether a database was given ({@code --jdbc} or {@code --log}). */
  boolean given() {
    return url != null || origin != null;
  }

  /** Checks that {@code --jdbc} and {@code --log} go together and that the URL is usable. */
  void check(CommandSpec spec) {
    if (url != null && origin == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--jdbc needs --log ORIGIN: the origin of the log in the database");
    }
    if (origin != null && url == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--log ORIGIN needs --jdbc URL");
    }
    if (url != null) {
      // Refuse a password in the URL before anything else can go wrong and be reported.
      dataSource(spec);
    }
  }

  /** Returns how messages name the log: "ORIGIN in URL" (the URL holds no password). */
  String name() {
    return origin + " in " + url;
  }

  /** Returns the data source of {@code --jdbc}, or throws a parameter error naming the option. */
  DataSource dataSource(CommandSpec spec) {
    try {
      return PostgresUrl.dataSource(url, environment);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jdbc: " + e.getMessage());
    }
  }

  /**
   * Opens the existing log {@code --log} in the database of {@code --jdbc}, without migrating the
   * schema or registering the origin (an auditor's role may only read).
   *
   * @throws DatabaseException if the database cannot be used or holds no such log
   */
  PostgresLogStore open(CommandSpec spec) {
    check(spec);
    DataSource ds = dataSource(spec);
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM aims_log WHERE origin = ?")) {
      ps.setString(1, origin);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new DatabaseException("no evidence log " + name());
        }
      }
    } catch (SQLException e) {
      throw new DatabaseException(
          "cannot read the evidence logs in " + url + ": " + firstLine(e) + sqlState(e));
    }
    try {
      return PostgresLogStore.builder(ds).origin(origin).migrate(false).open();
    } catch (IOException | RuntimeException e) {
      throw new DatabaseException("cannot open evidence log " + name() + ": " + firstLine(e));
    }
  }

  // PostgreSQL's DETAIL and WHERE lines, after the first, can quote a row's values.
  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static String sqlState(SQLException e) {
    return e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
  }

  /** The database of {@code --jdbc} cannot be used: the command prints the message, exit code 2. */
  static final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseException(String message) {
      super(message);
    }
  }
}
