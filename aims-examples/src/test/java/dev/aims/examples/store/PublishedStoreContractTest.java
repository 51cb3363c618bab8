package dev.aims.examples.store;

import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.InMemoryStore;
import dev.aims.evidence.store.LogStoreContract;
import java.io.IOException;

/**
 * The storage SPI's contract test as a host's build sees it: taken from the published aims-evidence
 * test jar ({@code <type>test-jar</type>}), not from the sources next to it. A store written
 * elsewhere proves itself with a class like this one; here the in-memory store stands in for it.
 */
class PublishedStoreContractTest extends LogStoreContract {
  @Override
  protected LogStore create() {
    return InMemoryStore.create();
  }

  @Override
  protected LogStore reopen(LogStore store) throws IOException {
    return ((InMemoryStore) store).reopen();
  }
}
