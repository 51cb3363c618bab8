package dev.aims.evidence.store;

import dev.aims.evidence.spi.LogStore;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileStore} passes the store contract. */
class FileStoreTest extends LogStoreContract {
  @TempDir Path tmp;
  private int logs;

  @Override
  protected LogStore create() throws IOException {
    return FileStore.open(tmp.resolve("log" + logs++));
  }

  @Override
  protected LogStore reopen(LogStore store) throws IOException {
    return FileStore.open(((FileStore) store).directory());
  }
}
