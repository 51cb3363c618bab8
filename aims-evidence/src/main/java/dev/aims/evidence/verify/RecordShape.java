package dev.aims.evidence.verify;

import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.record.LeafScan;
import dev.aims.evidence.record.MalformedLeafException;
import java.util.Arrays;

/**
 * Whether a canonical entry is an evidence record: the envelope and its body's schema, judged by
 * the very decoding that reads records back ({@link Envelope#decode} and {@code record()}, as
 * {@code aims log show} uses), so that the verifier and the reader never disagree.
 *
 * <p>A {@link LeafScan} first decides on the bytes, for the common leaf and without allocating,
 * that the entry surely is one; the decoder is asked only when the scan cannot tell, and it alone
 * gives the reason for a problem.
 */
final class RecordShape {
  private RecordShape() {}

  /**
   * Returns what is wrong with the canonical entry {@code index}, held in {@code buf[off, off +
   * len)}, as an evidence record, or null if nothing; {@code scan} is the calling thread's.
   */
  static String problem(long index, byte[] buf, int off, int len, LeafScan scan) {
    if (scan.isRecord(buf, off, len)) {
      return null;
    }
    return problem(index, Arrays.copyOfRange(buf, off, off + len));
  }

  /** Returns what is wrong with entry {@code index} as an evidence record, or null if nothing. */
  static String problem(long index, byte[] entry) {
    try {
      Envelope.decode(index, entry).record();
      return null;
    } catch (IllegalArgumentException e) {
      return "not an evidence record: " + reason(index, e);
    }
  }

  /**
   * The innermost reason, which names the JSON path, without the entry index the reader adds at
   * each level (the problem carries the index already).
   */
  private static String reason(long index, IllegalArgumentException e) {
    Throwable inner = e;
    while (inner.getCause() instanceof MalformedLeafException m) {
      inner = m;
    }
    String prefix = "entry " + index + ": ";
    return String.valueOf(inner.getMessage()).replace(prefix, "");
  }
}
