package dev.aims.langchain4j;

import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.InMemoryStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** An in-memory store whose disk is full: every append fails, as a real store's would. */
final class FullDiskStore implements LogStore {
  private final InMemoryStore delegate = InMemoryStore.create();

  @Override
  public long size() {
    return delegate.size();
  }

  @Override
  public long append(List<byte[]> entries) throws IOException {
    throw new IOException("No space left on device (test)");
  }

  @Override
  public void sync() {
    delegate.sync();
  }

  @Override
  public byte[] entry(long index) {
    return delegate.entry(index);
  }

  @Override
  public byte[] leafHash(long index) {
    return delegate.leafHash(index);
  }

  @Override
  public byte[] node(int level, long index) {
    return delegate.node(level, index);
  }

  @Override
  public byte[] root() {
    return delegate.root();
  }

  @Override
  public byte[] root(long size) {
    return delegate.root(size);
  }

  @Override
  public void appendCheckpoint(String signedNote) {
    delegate.appendCheckpoint(signedNote);
  }

  @Override
  public Optional<String> latestCheckpoint() {
    return delegate.latestCheckpoint();
  }

  @Override
  public Stream<String> checkpoints() {
    return delegate.checkpoints();
  }

  @Override
  public Stream<byte[]> entries(long from) {
    return delegate.entries(from);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
