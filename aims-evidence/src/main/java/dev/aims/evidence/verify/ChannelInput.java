package dev.aims.evidence.verify;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a file front to back through one reusable buffer, and lends out runs of its bytes in place
 * ({@link #fill}, {@link #buffer}, {@link #offset}, {@link #skip}) so that an entry can be checked
 * and hashed without a copy of its own.
 *
 * <p>Not thread-safe and, unlike {@link java.io.BufferedInputStream}, takes no lock: the verifier
 * reads millions of entries, index offsets and nodes, and an uncontended lock per read costs about
 * as much as the read.
 */
final class ChannelInput implements Closeable {
  private static final int DEFAULT_CAPACITY = 1 << 18;

  private final FileChannel channel;
  private byte[] buf;
  private ByteBuffer view;
  private int pos;
  private int limit;
  private boolean eof;

  private ChannelInput(FileChannel channel) {
    this.channel = channel;
    this.buf = new byte[DEFAULT_CAPACITY];
    this.view = ByteBuffer.wrap(buf);
  }

  /** Opens {@code file} for reading from its start. */
  static ChannelInput open(Path file) throws IOException {
    return new ChannelInput(FileChannel.open(file, StandardOpenOption.READ));
  }

  /**
   * Makes up to {@code n} bytes available in {@link #buffer()} from {@link #offset()}, growing the
   * buffer if a run is longer than it; returns how many are, fewer than {@code n} only at the end
   * of the file.
   */
  int fill(int n) throws IOException {
    if (limit - pos >= n) {
      return n;
    }
    if (buf.length < n) {
      // A run longer than the buffer (a large entry): hold it whole, as a copy of it would.
      byte[] grown = new byte[n];
      System.arraycopy(buf, pos, grown, 0, limit - pos);
      buf = grown;
      view = ByteBuffer.wrap(buf);
    } else {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
    }
    limit -= pos;
    pos = 0;
    while (limit < n && !eof) {
      view.limit(buf.length).position(limit);
      int r = channel.read(view);
      if (r < 0) {
        eof = true;
      } else {
        limit += r;
      }
    }
    return Math.min(n, limit);
  }

  /** The buffer holding the bytes made available by {@link #fill}. */
  byte[] buffer() {
    return buf;
  }

  /** Where the next unread byte is in {@link #buffer()}. */
  int offset() {
    return pos;
  }

  /** Consumes {@code n} bytes made available by {@link #fill}. */
  void skip(int n) {
    pos += n;
  }

  /**
   * Reads up to {@code n} bytes into {@code dst} at {@code off}, straight from the file for what is
   * not buffered; returns how many, fewer than {@code n} only at the end of the file.
   */
  int read(byte[] dst, int off, int n) throws IOException {
    int buffered = Math.min(n, limit - pos);
    System.arraycopy(buf, pos, dst, off, buffered);
    pos += buffered;
    int done = buffered;
    if (done < n && n - done >= buf.length) {
      // A large run: read it in place rather than through the buffer.
      ByteBuffer direct = ByteBuffer.wrap(dst, off + done, n - done);
      while (direct.hasRemaining() && !eof) {
        if (channel.read(direct) < 0) {
          eof = true;
        }
      }
      return direct.position() - off;
    }
    if (done < n) {
      int more = fill(n - done);
      System.arraycopy(buf, pos, dst, off + done, more);
      pos += more;
      done += more;
    }
    return done;
  }

  /** Reads a big-endian long, as {@link java.io.DataInput#readLong()} does. */
  long readLong() throws IOException {
    if (fill(8) < 8) {
      throw new EOFException();
    }
    long v = 0;
    for (int k = 0; k < 8; k++) {
      v = v << 8 | (buf[pos + k] & 0xff);
    }
    pos += 8;
    return v;
  }

  /** Reads exactly {@code n} bytes into {@code dst} at {@code off}. */
  void readFully(byte[] dst, int off, int n) throws IOException {
    if (fill(n) < n) {
      throw new EOFException();
    }
    System.arraycopy(buf, pos, dst, off, n);
    pos += n;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
