package dev.aims.spring.boot;

import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.InMemoryStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** An in-memory store whose syncs fail while {@link #failSyncs} is set, as a full disk would. */
public final class FailingStore implements LogStore {
  private final InMemoryStore delegate = InMemoryStore.create();

  /** Whether syncs fail. */
  public volatile boolean failSyncs;

  @Override
  public long size() {
    return delegate.size();
  }

  @Override
  public long append(List<byte[]> entries) throws IOException {
    return delegate.append(entries);
  }

  @Override
  public void sync() throws IOException {
    if (failSyncs) {
      throw new IOException("fsync failed (test)");
    }
    delegate.sync();
  }

  @Override
  public byte[] entry(long index) throws IOException {
    return delegate.entry(index);
  }

  @Override
  public byte[] leafHash(long index) throws IOException {
    return delegate.leafHash(index);
  }

  @Override
  public byte[] node(int level, long index) throws IOException {
    return delegate.node(level, index);
  }

  @Override
  public byte[] root() {
    return delegate.root();
  }

  @Override
  public byte[] root(long size) throws IOException {
    return delegate.root(size);
  }

  @Override
  public void appendCheckpoint(String signedNote) throws IOException {
    delegate.appendCheckpoint(signedNote);
  }

  @Override
  public Optional<String> latestCheckpoint() throws IOException {
    return delegate.latestCheckpoint();
  }

  @Override
  public Stream<String> checkpoints() throws IOException {
    return delegate.checkpoints();
  }

  @Override
  public Stream<byte[]> entries(long from) throws IOException {
    return delegate.entries(from);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
