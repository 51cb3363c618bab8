package dev.aims.timestamp;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import java.util.Arrays;

/** Signed checkpoints for tests that need notes without a log. */
final class Checkpoints {
  static final NoteSigner SIGNER = NoteSigner.generate("example.com/aims/evidence");

  private Checkpoints() {}

  /** A checkpoint of {@code size} with a root made from the size. */
  static Checkpoint of(long size) {
    byte[] root = new byte[32];
    Arrays.fill(root, (byte) size);
    return Checkpoint.of("example.com/aims/credit", size, root);
  }

  /** The signed note of {@link #of}. */
  static String note(long size) {
    return SIGNER.sign(of(size).format());
  }
}
