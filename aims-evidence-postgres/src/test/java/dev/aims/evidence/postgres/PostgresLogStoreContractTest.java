package dev.aims.evidence.postgres;

import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.LogStoreContract;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** The PostgreSQL store passes the storage SPI's contract, against a real server. */
class PostgresLogStoreContractTest extends LogStoreContract {
  private static final AtomicInteger LOGS = new AtomicInteger();

  // One database for all; every store is a log of its own origin in it.
  @Override
  protected LogStore create() throws IOException {
    return PostgresLogStore.builder(EmbeddedPostgres.shared().sharedPool())
        .origin("contract.example/log-" + LOGS.incrementAndGet())
        .open();
  }

  @Override
  protected LogStore reopen(LogStore store) throws IOException {
    return PostgresLogStore.builder(EmbeddedPostgres.shared().sharedPool())
        .origin(((PostgresLogStore) store).origin())
        .open();
  }

  @Override
  protected boolean sharedWriters() {
    return true;
  }
}
