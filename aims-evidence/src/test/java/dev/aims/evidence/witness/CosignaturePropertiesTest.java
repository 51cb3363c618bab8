package dev.aims.evidence.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For random checkpoints and timestamps, a cosignature verifies, its line parses back to it, and
 * any flipped bit of its line, or of the checkpoint it covers, makes it fail.
 */
class CosignaturePropertiesTest {
  private static final WitnessSigner WITNESS = WitnessSigner.generate("witness.example/p");

  private static String text(long size, int seed) {
    byte[] root = new byte[32];
    new Random(seed).nextBytes(root);
    return Checkpoint.of("example.com/log", size, root).format();
  }

  @Test
  void cosignatures_roundTripAndVerify() {
    qt().withExamples(200)
        .forAll(
            longs().between(0, Long.MAX_VALUE),
            longs().between(0, Long.MAX_VALUE),
            integers().all())
        .checkAssert(
            (size, time, seed) -> {
              String text = text(size, seed);
              Cosignature c = WITNESS.cosign(text, time);
              Cosignature back = Cosignature.parse(c.line());
              assertThat(back).isEqualTo(c);
              assertThat(back.timestamp()).isEqualTo(time);
              assertThat(WITNESS.verifier().verify(text, back)).isEqualTo(c);
            });
  }

  @Test
  void anyFlippedBit_ofTheLineOrTheCheckpoint_isRefused() {
    String text = text(1234, 5);
    Cosignature c = WITNESS.cosign(text, 1_700_000_000L);
    String line = c.line();
    qt().withExamples(300)
        .forAll(integers().between(0, line.length() - 2), integers().between(0, 6))
        .checkAssert(
            (at, bit) -> {
              char changed = (char) (line.charAt(at) ^ (1 << bit));
              String bad = line.substring(0, at) + changed + line.substring(at + 1);
              if (bad.equals(line)) {
                return;
              }
              assertThatThrownBy(
                      () -> {
                        Cosignature parsed = Cosignature.parse(bad);
                        WITNESS.verifier().verify(text, parsed);
                      })
                  .isInstanceOf(NoteException.class);
            });
    qt().withExamples(300)
        .forAll(integers().between(0, text.length() - 2), integers().between(0, 6))
        .checkAssert(
            (at, bit) -> {
              char changed = (char) (text.charAt(at) ^ (1 << bit));
              String other = text.substring(0, at) + changed + text.substring(at + 1);
              assertThatThrownBy(() -> WITNESS.verifier().verify(other, c))
                  .isInstanceOf(NoteException.class);
            });
    assertThat(Cosignature.witnessesOf(List.of(c))).hasSize(1);
  }
}
