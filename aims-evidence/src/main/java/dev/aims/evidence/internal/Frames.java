package dev.aims.evidence.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The frames of a layout-2 entries file ({@link FileLayout#FORMAT_LINE_2}): the one file a group
 * commit forces, holding the entries and the checkpoints that cover them, each framed so that
 * recovery can tell a complete frame from a torn one by its checksum alone.
 *
 * <p>A frame is a 4-byte big-endian head, the payload, and the CRC-32C of head and payload (4
 * bytes, big-endian). The head's two top bits give the kind, its low 30 bits the payload's length:
 *
 * <ul>
 *   <li>an <b>entry</b> frame (kind 0) carries one entry's exact bytes (at least one byte, so an
 *       all-zero head, as in a zero-filled tail, is never a frame);
 *   <li>a <b>checkpoint</b> frame (kind 1) carries an 8-byte big-endian offset, the length of the
 *       entries file that was durable when the frame was written, followed by the signed note in
 *       UTF-8;
 *   <li>a <b>commit</b> frame (kind 2) carries only that offset: a group commit without a
 *       checkpoint ends with one.
 * </ul>
 *
 * <p>The durable length a checkpoint or commit frame records lets recovery prove that a damaged
 * frame below it had been forced (and acknowledged), and so is damage, not a torn tail.
 *
 * <p>Not API (see the package comment).
 */
public final class Frames {
  /** Bytes a frame adds to its payload: the head and the CRC-32C. */
  public static final int OVERHEAD = 8;

  /** The largest payload a frame can carry. */
  public static final int MAX_PAYLOAD = (1 << 30) - 1;

  /** The kind of an entry frame. */
  public static final int ENTRY = 0;

  /** The kind of a checkpoint frame. */
  public static final int CHECKPOINT = 1;

  /** The kind of a commit frame. */
  public static final int COMMIT = 2;

  private static final int KIND_SHIFT = 30;

  private Frames() {}

  /** Returns the head of a frame of {@code kind} with a payload of {@code length} bytes. */
  public static int head(int kind, int length) {
    return (kind << KIND_SHIFT) | length;
  }

  /** Returns the kind a head gives (0..3; only 0 and 1 are defined). */
  public static int kind(int head) {
    return head >>> KIND_SHIFT;
  }

  /** Returns the payload length a head gives. */
  public static int length(int head) {
    return head & MAX_PAYLOAD;
  }

  /** Returns the CRC-32C of an entry frame: over its head and the entry bytes. */
  public static int entryCrc(byte[] entry) {
    return crc(new CRC32C(), head(ENTRY, entry.length), entry, 0, entry.length);
  }

  /**
   * Returns the CRC-32C of a frame with this head and payload, computed with {@code crc} (reset
   * first), so that a caller checking or writing many frames reuses one.
   */
  public static int crc(CRC32C crc, int head, byte[] payload, int offset, int length) {
    crc.reset();
    crc.update(head >>> 24);
    crc.update(head >>> 16);
    crc.update(head >>> 8);
    crc.update(head);
    crc.update(payload, offset, length);
    return (int) crc.getValue();
  }

  /**
   * Encodes a checkpoint frame for {@code note}, recording that the entries file was durable up to
   * byte {@code durable}.
   */
  public static ByteBuffer checkpointFrame(String note, long durable) {
    return durableFrame(CHECKPOINT, durable, note.getBytes(StandardCharsets.UTF_8));
  }

  /** Encodes a commit frame recording that the entries file was durable up to {@code durable}. */
  public static ByteBuffer commitFrame(long durable) {
    return durableFrame(COMMIT, durable, new byte[0]);
  }

  private static ByteBuffer durableFrame(int kind, long durable, byte[] rest) {
    int length = 8 + rest.length;
    ByteBuffer buf = ByteBuffer.allocate(length + OVERHEAD);
    buf.putInt(head(kind, length)).putLong(durable).put(rest);
    CRC32C crc = new CRC32C();
    crc.update(buf.array(), 0, length + 4);
    buf.putInt((int) crc.getValue());
    return buf.flip();
  }

  /** Returns whether {@code crc} is the CRC-32C of a frame with this head and payload. */
  public static boolean checks(int head, byte[] payload, int offset, int length, int crc) {
    return crc(new CRC32C(), head, payload, offset, length) == crc;
  }

  /** One frame read from an entries file. */
  public static final class Frame {
    private final long offset;
    private final int kind;
    private final byte[] payload;

    Frame(long offset, int kind, byte[] payload) {
      this.offset = offset;
      this.kind = kind;
      this.payload = payload;
    }

    /** Returns the byte offset of the frame's head. */
    public long offset() {
      return offset;
    }

    /** Returns the frame's kind. */
    public int kind() {
      return kind;
    }

    /** Returns the payload (for an entry frame, the entry's bytes). */
    public byte[] payload() {
      return payload;
    }

    /** Returns the byte offset just after the frame. */
    public long end() {
      return offset + payload.length + OVERHEAD;
    }

    /**
     * Returns, for a checkpoint or commit frame, the durable length of the entries file it records.
     */
    public long durable() {
      return ByteBuffer.wrap(payload, 0, 8).getLong();
    }

    /** Returns, for a checkpoint frame, the signed note. */
    public String note() {
      return new String(payload, 8, payload.length - 8, StandardCharsets.UTF_8);
    }
  }

  /**
   * Reads the frame at {@code offset} of a file of {@code limit} bytes, or returns null when no
   * intact frame starts there: the file ends inside it, its head is not a defined kind and length,
   * or its checksum does not match. The caller decides whether that is a torn tail or damage.
   */
  public static Frame readAt(FileChannel ch, long offset, long limit) throws IOException {
    if (limit - offset < OVERHEAD + 1) {
      return null;
    }
    ByteBuffer h = ByteBuffer.allocate(4);
    FileLayout.readFully(ch, h, offset);
    int head = h.getInt(0);
    if (!plausible(head) || limit - offset < (long) length(head) + OVERHEAD) {
      return null;
    }
    ByteBuffer body = ByteBuffer.allocate(length(head) + 4);
    FileLayout.readFully(ch, body, offset + 4);
    return frame(offset, head, body.array());
  }

  /**
   * Reads the next frame from a sequential stream positioned at {@code offset}, within a file of
   * {@code limit} bytes, or returns null when no intact frame starts there (the stream's position
   * is then undefined).
   */
  public static Frame read(InputStream in, long offset, long limit) throws IOException {
    if (limit - offset < OVERHEAD + 1) {
      return null;
    }
    byte[] h = in.readNBytes(4);
    if (h.length != 4) {
      throw new EOFException("file ended early at byte offset " + offset);
    }
    int head = ByteBuffer.wrap(h).getInt();
    if (!plausible(head) || limit - offset < (long) length(head) + OVERHEAD) {
      return null;
    }
    byte[] body = in.readNBytes(length(head) + 4);
    if (body.length != length(head) + 4) {
      throw new EOFException("file ended early at byte offset " + offset);
    }
    return frame(offset, head, body);
  }

  /** Returns whether {@code head} is the head of a frame of a defined kind and length. */
  public static boolean plausible(int head) {
    int kind = kind(head);
    int length = length(head);
    return (kind == ENTRY && length > 0)
        || (kind == CHECKPOINT && length > 8)
        || (kind == COMMIT && length == 8);
  }

  private static Frame frame(long offset, int head, byte[] body) {
    int length = length(head);
    int crc = ByteBuffer.wrap(body, length, 4).getInt();
    if (!checks(head, body, 0, length, crc)) {
      return null;
    }
    byte[] payload = java.util.Arrays.copyOf(body, length);
    return new Frame(offset, kind(head), payload);
  }
}
