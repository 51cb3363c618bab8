package dev.aims.evidence.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only file channel that records the length asked for by every positional read, to count the
 * reads a proof makes; every other operation but {@link #size()} is unsupported.
 */
final class ReadCountingChannel extends FileChannel {
  private final FileChannel real;

  /** The remaining length of the buffer of each positional read, in order. */
  final List<Integer> reads = new ArrayList<>();

  ReadCountingChannel(FileChannel real) {
    this.real = real;
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    reads.add(dst.remaining());
    return real.read(dst, position);
  }

  @Override
  public long size() throws IOException {
    return real.size();
  }

  @Override
  protected void implCloseChannel() throws IOException {
    real.close();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("only positional reads are counted");
  }

  @Override
  public int read(ByteBuffer dst) {
    throw unsupported();
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) {
    throw unsupported();
  }

  @Override
  public int write(ByteBuffer src) {
    throw unsupported();
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) {
    throw unsupported();
  }

  @Override
  public long position() {
    throw unsupported();
  }

  @Override
  public FileChannel position(long newPosition) {
    throw unsupported();
  }

  @Override
  public FileChannel truncate(long size) {
    throw unsupported();
  }

  @Override
  public void force(boolean metaData) {
    throw unsupported();
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) {
    throw unsupported();
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) {
    throw unsupported();
  }

  @Override
  public int write(ByteBuffer src, long position) {
    throw unsupported();
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) {
    throw unsupported();
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) {
    throw unsupported();
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) {
    throw unsupported();
  }
}
