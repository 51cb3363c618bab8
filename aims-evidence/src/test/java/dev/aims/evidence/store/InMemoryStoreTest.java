package dev.aims.evidence.store;

import dev.aims.evidence.spi.LogStore;
import java.io.IOException;

/** {@link InMemoryStore} passes the store contract. */
class InMemoryStoreTest extends LogStoreContract {
  @Override
  protected LogStore create() {
    return InMemoryStore.create();
  }

  @Override
  protected LogStore reopen(LogStore store) throws IOException {
    return ((InMemoryStore) store).reopen();
  }
}
