package dev.aims.evidence.verify;

import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.record.MalformedLeafException;

/**
 * Whether a canonical entry is an evidence record: the envelope and its body's schema, judged by
 * the very decoding that reads records back ({@link Envelope#decode} and {@code record()}, as
 * {@code aims log show} uses), so that the verifier and the reader never disagree.
 */
final class RecordShape {
  private RecordShape() {}

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
