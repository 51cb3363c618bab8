package dev.aims.evidence;

import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.InMemoryStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A store for tests of the log's conduct: an in-memory store whose appends and syncs can be made to
 * fail or to wait at a gate, and which counts syncs. Public, in the test-jar, for the tests of the
 * modules that build on the log (a full disk under a Spring Boot health check or a chat advisor).
 */
public final class ControlledStore implements LogStore {
  final InMemoryStore delegate = InMemoryStore.create();
  final AtomicInteger appends = new AtomicInteger();
  final AtomicInteger syncs = new AtomicInteger();

  /** While set, every append fails with an {@code IOException}, as a full disk would. */
  public volatile boolean failAppends;

  /** While set, every sync fails with an {@code IOException}, as a failing fsync would. */
  public volatile boolean failSyncs;

  volatile CountDownLatch gate;
  volatile CountDownLatch entered = new CountDownLatch(1);
  volatile boolean closed;
  // How many entries the last successful sync made durable.
  volatile long syncedSize;

  @Override
  public long size() {
    return delegate.size();
  }

  @Override
  public long append(List<byte[]> entries) throws IOException {
    appends.incrementAndGet();
    entered.countDown();
    CountDownLatch g = gate;
    if (g != null) {
      try {
        g.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted at the gate", e);
      }
    }
    if (failAppends) {
      throw new IOException("disk full (test)");
    }
    return delegate.append(entries);
  }

  @Override
  public void sync() throws IOException {
    syncs.incrementAndGet();
    if (failSyncs) {
      throw new IOException("fsync failed (test)");
    }
    delegate.sync();
    syncedSize = delegate.size();
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
    closed = true;
    delegate.close();
  }
}
