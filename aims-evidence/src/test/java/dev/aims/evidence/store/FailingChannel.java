package dev.aims.evidence.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel that fails its writes or its syncs the way a device does once {@link #writes} or
 * {@link #syncs} holds a reason (e.g. "No space left on device"), and otherwise passes everything
 * to the real channel.
 */
public final class FailingChannel extends FileChannel {
  private final FileChannel real;

  /** The reason every write fails with, or null. */
  public volatile String writes;

  /** The reason every sync fails with, or null. */
  public volatile String syncs;

  /** Wraps {@code real}. */
  public FailingChannel(FileChannel real) {
    this.real = real;
  }

  private void checkWrite() throws IOException {
    String reason = writes;
    if (reason != null) {
      throw new IOException(reason);
    }
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return real.read(dst);
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    return real.read(dsts, offset, length);
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    checkWrite();
    return real.write(src);
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    checkWrite();
    return real.write(srcs, offset, length);
  }

  @Override
  public long position() throws IOException {
    return real.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    real.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return real.size();
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    checkWrite();
    real.truncate(size);
    return this;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    String reason = syncs;
    if (reason != null) {
      throw new IOException(reason);
    }
    real.force(metaData);
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
    return real.transferTo(position, count, target);
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
    checkWrite();
    return real.transferFrom(src, position, count);
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    return real.read(dst, position);
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    checkWrite();
    return real.write(src, position);
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
    return real.map(mode, position, size);
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) throws IOException {
    return real.lock(position, size, shared);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return real.tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() throws IOException {
    real.close();
  }
}
