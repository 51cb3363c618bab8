package dev.aims.examples.fleet;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.postgres.PostgresOpeningStore;
import java.io.IOException;
import javax.sql.DataSource;

/**
 * How each instance of a replicated service opens the one evidence log the fleet shares: the same
 * database, origin and signer key on every instance.
 */
public final class FleetInstance implements AutoCloseable {
  private final HikariDataSource pool;
  private final EvidenceLog log;

  private FleetInstance(HikariDataSource pool, EvidenceLog log) {
    this.pool = pool;
    this.log = log;
  }

  /**
   * Opens the instance's pool and its evidence log on the database at {@code jdbcUrl} as {@code
   * user}; the password comes from the environment variable {@code PGPASSWORD} when it is set.
   */
  public static FleetInstance open(String jdbcUrl, String user, NoteSigner signer)
      throws IOException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    // --- README: postgres ---
    config.setPassword(System.getenv("PGPASSWORD"));
    DataSource dataSource = new HikariDataSource(config); // or the application's own DataSource

    EvidenceLog log =
        EvidenceLog.builder()
            .store(PostgresLogStore.builder(dataSource).origin("example.com/credit-scoring").open())
            .openings(PostgresOpeningStore.open(dataSource, "example.com/credit-scoring"))
            .origin("example.com/credit-scoring")
            .signer(signer) // the same key on every instance: one log, one verifier key
            .durability(Durability.DURABLE) // append returns once the transaction has committed
            .build();
    // --- README: end ---
    return new FleetInstance((HikariDataSource) dataSource, log);
  }

  /** The instance's evidence log. */
  public EvidenceLog log() {
    return log;
  }

  /** Closes the log (a final checkpoint), then the pool. */
  @Override
  public void close() {
    try {
      log.close();
    } finally {
      pool.close();
    }
  }
}
