package dev.aims.evidence.store;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.spi.LogStore;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on logs in layout 1, which a store keeps writing in layout 1. */
class FileStoreLayout1Test extends LogStoreContract {
  @TempDir Path tmp;
  private int logs;

  @Override
  protected LogStore create() throws IOException {
    Path dir = tmp.resolve("log" + logs++);
    FileLayout.createLayout1(dir);
    return FileStore.open(dir);
  }

  @Override
  protected LogStore reopen(LogStore store) throws IOException {
    return FileStore.open(((FileStore) store).directory());
  }
}
