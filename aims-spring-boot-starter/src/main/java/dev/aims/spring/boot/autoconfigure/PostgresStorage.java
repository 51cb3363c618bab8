package dev.aims.spring.boot.autoconfigure;

import dev.aims.evidence.EvidenceLogBuilder;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.postgres.PostgresOpeningStore;
import java.io.IOException;
import javax.sql.DataSource;

/**
 * Puts a log on PostgreSQL: its store and its opening store on the application's DataSource. Kept
 * apart so that no class of aims-evidence-postgres is loaded unless store=postgres.
 */
final class PostgresStorage {
  static final String STORE_CLASS = "dev.aims.evidence.postgres.PostgresLogStore";

  private PostgresStorage() {}

  static void configure(
      EvidenceLogBuilder builder, DataSource dataSource, String origin, boolean migrate)
      throws IOException {
    PostgresLogStore store =
        PostgresLogStore.builder(dataSource).origin(origin).migrate(migrate).open();
    try {
      builder.store(store).openings(PostgresOpeningStore.open(dataSource, origin));
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
