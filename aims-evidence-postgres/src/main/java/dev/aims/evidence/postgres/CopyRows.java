package dev.aims.evidence.postgres;

import java.io.EOFException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyOut;

/**
 * Reads the rows of a {@code COPY (...) TO STDOUT (FORMAT binary)} as they arrive, in constant
 * memory: the fastest way PostgreSQL hands out many rows (no text encoding of {@code bytea}, no
 * per-row protocol round trip), which is what lets the verifier read a log at the speed it hashes.
 *
 * <p>The server sends one message per row, but nothing here relies on it: a value may span
 * messages. Not thread-safe.
 */
final class CopyRows implements AutoCloseable {
  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };

  private final CopyOut copy;
  private byte[] buf = new byte[0];
  private int pos;

  private CopyRows(CopyOut copy) {
    this.copy = copy;
  }

  /** Starts reading the rows of {@code copy}: reads and checks the binary format's header. */
  static CopyRows start(CopyOut copy) throws SQLException, IOException {
    CopyRows rows = new CopyRows(copy);
    byte[] signature = new byte[SIGNATURE.length];
    rows.readFully(signature, 0, signature.length);
    if (!Arrays.equals(signature, SIGNATURE)) {
      throw new IOException("the server's COPY output is not in the binary format");
    }
    rows.readInt(); // flags: no bit we rely on
    int extension = rows.readInt();
    rows.skip(extension);
    return rows;
  }

  /** Returns the number of fields of the next row, or -1 after the last row. */
  int nextRow() throws SQLException, IOException {
    return (short) ((readByte() << 8) | readByte());
  }

  /** Reads the length of the next field: -1 for SQL NULL. */
  int fieldLength() throws SQLException, IOException {
    return readInt();
  }

  /** Reads a {@code bigint} field, its length included. */
  long readBigint() throws SQLException, IOException {
    int len = readInt();
    if (len != Long.BYTES) {
      throw new IOException("expected a bigint of 8 bytes in the COPY output, found " + len);
    }
    long v = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      v = (v << 8) | readByte();
    }
    return v;
  }

  /** Reads exactly {@code len} bytes into {@code dst} from {@code off}. */
  void readFully(byte[] dst, int off, int len) throws SQLException, IOException {
    while (len > 0) {
      if (pos == buf.length) {
        fill();
      }
      int n = Math.min(len, buf.length - pos);
      System.arraycopy(buf, pos, dst, off, n);
      pos += n;
      off += n;
      len -= n;
    }
  }

  private void skip(int len) throws SQLException, IOException {
    readFully(new byte[len], 0, len);
  }

  private int readInt() throws SQLException, IOException {
    if (buf.length - pos >= Integer.BYTES) {
      int v =
          (buf[pos] & 0xFF) << 24
              | (buf[pos + 1] & 0xFF) << 16
              | (buf[pos + 2] & 0xFF) << 8
              | (buf[pos + 3] & 0xFF);
      pos += Integer.BYTES;
      return v;
    }
    return readByte() << 24 | readByte() << 16 | readByte() << 8 | readByte();
  }

  private int readByte() throws SQLException, IOException {
    if (pos == buf.length) {
      fill();
    }
    return buf[pos++] & 0xFF;
  }

  private void fill() throws SQLException, IOException {
    byte[] next = copy.readFromCopy();
    if (next == null) {
      throw new EOFException("the COPY output ended inside a row");
    }
    buf = next;
    pos = 0;
  }

  /**
   * Ends the copy by reading what is left of it (at least the trailer), so that the driver sees the
   * command complete and the connection can be used again; after a reader stopped early this reads
   * the rest of the rows, which a cancel would leave the connection unsure about.
   */
  @Override
  public void close() throws SQLException {
    while (copy.isActive() && copy.readFromCopy() != null) {
      // Discarded: the reader has what it needed.
    }
  }
}
