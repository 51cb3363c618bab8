package dev.aims.evidence.postgres;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A {@code DataSource} for a {@code jdbc:postgresql://} URL given on a command line ({@code aims
 * verify --jdbc}, {@code aims demo --jdbc}), whose password comes from the environment and never
 * from the command line, where other users of the machine can read it.
 *
 * <p>A URL that carries a password ({@code password=}, {@code sslpassword=}, or {@code
 * USER:PASSWORD@} before the host) is refused, and no message repeats such a URL. The password is
 * read from {@value #PASSWORD_VARIABLE} when it is set; the user from {@code user=} in the URL, or
 * else from {@value #USER_VARIABLE} when it is set (as libpq and psql read them).
 */
public final class PostgresUrl {
  /** The environment variable that holds the password. */
  public static final String PASSWORD_VARIABLE = "PGPASSWORD";

  /** The environment variable that holds the user, when the URL names none. */
  public static final String USER_VARIABLE = "PGUSER";

  /** The prefix of every URL accepted. */
  public static final String PREFIX = "jdbc:postgresql:";

  private PostgresUrl() {}

  /**
   * Returns an unpooled data source for {@code url}, its user and password taken from {@code
   * environment} as the class describes.
   *
   * @param url a {@code jdbc:postgresql://HOST[:PORT]/DATABASE[?user=USER]} URL
   * @param environment the environment's variables by name (null when unset), such as {@code
   *     System::getenv}
   * @throws IllegalArgumentException if the URL carries a password, is not a PostgreSQL JDBC URL,
   *     or cannot be parsed; the message repeats the URL only when it cannot hold a password
   */
  public static PGSimpleDataSource dataSource(String url, Function<String, String> environment) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(environment, "environment");
    if (url.toLowerCase(Locale.ROOT).contains("password=")) {
      throw new IllegalArgumentException(
          "the URL carries a password (password=), which other users can read on a command line;"
              + " set the environment variable "
              + PASSWORD_VARIABLE
              + " instead (the URL is not repeated)");
    }
    if (!url.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "not a PostgreSQL JDBC URL: it starts with "
              + PREFIX
              + "//HOST[:PORT]/DATABASE (the value is not repeated: it may hold a password)");
    }
    if (userInfo(url)) {
      throw new IllegalArgumentException(
          "the URL carries USER:PASSWORD@ before the host; give the user with user= or "
              + USER_VARIABLE
              + " and the password in the environment variable "
              + PASSWORD_VARIABLE
              + " (the URL is not repeated)");
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    try {
      ds.setURL(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not a valid PostgreSQL JDBC URL (" + PREFIX + "//HOST[:PORT]/DATABASE): " + url, e);
    }
    String user = environment.apply(USER_VARIABLE);
    if (ds.getUser() == null && user != null && !user.isEmpty()) {
      ds.setUser(user);
    }
    String password = environment.apply(PASSWORD_VARIABLE);
    if (password != null && !password.isEmpty()) {
      ds.setPassword(password);
    }
    return ds;
  }

  private static boolean userInfo(String url) {
    String rest = url.substring(PREFIX.length());
    if (!rest.startsWith("//")) {
      return false;
    }
    int end = rest.length();
    for (char c : new char[] {'/', '?'}) {
      int i = rest.indexOf(c, 2);
      if (i >= 0) {
        end = Math.min(end, i);
      }
    }
    return rest.substring(2, end).indexOf('@') >= 0;
  }
}
