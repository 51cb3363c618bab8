package dev.aims.evidence.verify;

import static dev.aims.evidence.internal.FileLayout.ENTRIES_FILE;
import static dev.aims.evidence.internal.FileLayout.INDEX_FILE;

import dev.aims.evidence.internal.Frames;
import java.io.IOException;
import java.util.zip.CRC32C;

/**
 * Reads the entries of a layout-2 log ({@link Frames}) in order, for the verifier: each entry
 * frame's head, where the index says it starts, then its payload, checked against its CRC-32C;
 * checkpoint and commit frames between entries are checked and stepped over. A frame that does not
 * check, or an index offset that is not where the entry's frame starts, throws a {@link BadFrame}
 * naming the entry and the byte offset, which the verifier reports as a {@link Problem.Check#FRAME}
 * problem.
 */
final class FrameReader {
  private final ChannelInput index;
  private final ChannelInput data;
  private final long dataLen;
  private final CRC32C crc = new CRC32C();
  private final byte[] head = new byte[4];
  private final byte[] crcBytes = new byte[4];
  // Where the next unread byte of the entries file is.
  private long pos;
  private long entry;
  private long pendingStart = -1;
  private int pendingHead;
  // Bytes of checkpoint and commit frames read so far, and where they sit among the entries: pairs
  // (first entry after them, total skipped before that entry), for offsetOf; the walk drops them
  // as it passes.
  private long skipped;
  private final java.util.ArrayDeque<long[]> skips = new java.util.ArrayDeque<>();
  // Entries read whose frames' CRC-32C did not match, for the walk to report in order.
  private final java.util.ArrayDeque<BadFrame> damaged = new java.util.ArrayDeque<>();
  private long skippedBeforeWalk;

  FrameReader(ChannelInput index, ChannelInput data, long dataLen) {
    this.index = index;
    this.data = data;
    this.dataLen = dataLen;
  }

  /**
   * Returns where the frame of entry {@code i} starts, given {@code entryBytes}, the bytes of the
   * entries before it; calls must come in entry order, behind the reading.
   */
  long offsetOf(long i, long entryBytes) {
    while (!skips.isEmpty() && skips.peekFirst()[0] <= i) {
      skippedBeforeWalk = skips.pollFirst()[1];
    }
    return entryBytes + i * Frames.OVERHEAD + skippedBeforeWalk;
  }

  /**
   * Returns, and forgets, the damaged frame of entry {@code i} if its CRC-32C did not match; calls
   * must come in entry order.
   */
  BadFrame damagedFrame(long i) {
    BadFrame b = damaged.peekFirst();
    if (b == null || b.index != i) {
      return null;
    }
    return damaged.pollFirst();
  }

  /** Returns the byte offset just after the last frame read. */
  long position() {
    return pos;
  }

  /**
   * Reads the next entry's frame head (stepping over other frames before it) and returns the
   * entry's length; {@link #readPayload} must follow.
   */
  int nextLength() throws IOException {
    long start = index.readLong();
    while (true) {
      int h = readHead(start);
      if (Frames.kind(h) == Frames.ENTRY) {
        if (pos != start) {
          throw new BadFrame(
              entry,
              start,
              INDEX_FILE
                  + " says entry "
                  + entry
                  + " starts at byte "
                  + start
                  + ", but "
                  + pos
                  + " is where its frame starts");
        }
        pendingStart = pos;
        pendingHead = h;
        return Frames.length(h);
      }
      skipFrame(h);
    }
  }

  /** Reads the payload of the entry whose head {@link #nextLength} read, and checks its frame. */
  void readPayload(byte[] dst, int off, int len) throws IOException {
    int got = data.read(dst, off, len);
    byte[] c = crcBytes;
    int gotCrc = got == len ? data.read(c, 0, 4) : 0;
    if (got != len || gotCrc != 4) {
      throw new BadFrame(
          entry, pendingStart, "the entry's frame is cut off by the end of the file");
    }
    if (Frames.crc(crc, pendingHead, dst, off, len) != toInt(c)) {
      // The head and the index agree on where the frame is, so the entry is read and hashed on:
      // its leaf hash tells whether the entry or only its checksum changed.
      damaged.addLast(
          new BadFrame(entry, pendingStart, "the entry's frame does not match its CRC-32C"));
    }
    pos = pendingStart + len + Frames.OVERHEAD;
    entry++;
  }

  /**
   * Checks that everything after the last entry is intact checkpoint or commit frames, then nothing
   * but zeros (room a running writer allocated ahead), and returns a description of what is not, or
   * null.
   */
  String trailing() throws IOException {
    while (pos < dataLen) {
      if (zerosToTheEnd()) {
        return null;
      }
      if (dataLen - pos < Frames.OVERHEAD + 1) {
        return (dataLen - pos) + " bytes after the last frame, too few for a frame";
      }
      long at = pos;
      int h;
      try {
        h = readHead(Long.MAX_VALUE);
        if (Frames.kind(h) == Frames.ENTRY) {
          return "an entry frame at byte " + at + " that the index does not list";
        }
        skipFrame(h);
      } catch (BadFrame e) {
        return "no intact frame at byte " + at + " (" + (dataLen - at) + " bytes before the end)";
      }
    }
    return null;
  }

  /** Returns whether the file holds only zeros from {@link #pos} on; reads ahead to check. */
  private boolean zerosToTheEnd() throws IOException {
    int n = data.fill(4);
    for (int k = 0; k < n; k++) {
      if (data.buffer()[data.offset() + k] != 0) {
        return false;
      }
    }
    long at = pos;
    byte[] chunk = new byte[1 << 16];
    while (at < dataLen) {
      int want = (int) Math.min(chunk.length, dataLen - at);
      int got = data.read(chunk, 0, want);
      if (got <= 0) {
        return false;
      }
      for (int k = 0; k < got; k++) {
        if (chunk[k] != 0) {
          return false;
        }
      }
      at += got;
    }
    pos = at;
    return true;
  }

  private int readHead(long expected) throws IOException {
    if (data.read(head, 0, 4) != 4) {
      throw new BadFrame(
          entry,
          pos,
          "file ends at byte "
              + pos
              + " before the frame of entry "
              + entry
              + " (at "
              + expected
              + ")");
    }
    int h = toInt(head);
    if (!Frames.plausible(h) || pos + Frames.length(h) + Frames.OVERHEAD > dataLen) {
      throw new BadFrame(
          entry,
          pos,
          "no frame starts at byte "
              + pos
              + ": its head (0x"
              + Integer.toHexString(h)
              + ") is not a frame's of the file's length");
    }
    return h;
  }

  /** Reads and checks a checkpoint or commit frame whose head was read. */
  private void skipFrame(int h) throws IOException {
    int len = Frames.length(h);
    byte[] body = new byte[len + 4];
    if (data.read(body, 0, len + 4) != len + 4) {
      throw new BadFrame(-1, pos, "the frame is cut off");
    }
    if (!Frames.checks(h, body, 0, len, toInt(body, len))) {
      throw new BadFrame(-1, pos, "the frame at byte " + pos + " does not match its CRC-32C");
    }
    pos += len + Frames.OVERHEAD;
    skipped += len + Frames.OVERHEAD;
    long[] last = skips.peekLast();
    if (last != null && last[0] == entry) {
      last[1] = skipped;
    } else {
      skips.addLast(new long[] {entry, skipped});
    }
  }

  /** A frame of the entries file that does not check: which entry, where, and why. */
  static final class BadFrame extends IOException {
    private static final long serialVersionUID = 1L;
    final long index;
    final long offset;
    final String reason;

    BadFrame(long index, long offset, String reason) {
      super(ENTRIES_FILE + " entry " + index + " byte " + offset + ": " + reason);
      this.index = index;
      this.offset = offset;
      this.reason = reason;
    }
  }

  private static int toInt(byte[] b) {
    return toInt(b, 0);
  }

  private static int toInt(byte[] b, int at) {
    return (b[at] & 0xff) << 24
        | (b[at + 1] & 0xff) << 16
        | (b[at + 2] & 0xff) << 8
        | b[at + 3] & 0xff;
  }
}
