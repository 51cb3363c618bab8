package dev.aims.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.record.LeafSamples;
import dev.aims.evidence.record.LeafScan;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The record check with its byte-level scan against the decoder alone: for every canonical leaf,
 * valid or mutated, and wherever it lies in a buffer, the verifier reports exactly the same problem
 * (or none) as when the decoder judges every entry, so the scan changes how fast a log verifies and
 * nothing else.
 */
class RecordShapePropertiesTest {
  private final LeafScan scan = new LeafScan();

  @Test
  void problem_withTheScan_isExactlyTheDecodersProblem() {
    qt().withExamples(5_000)
        .forAll(longs().all(), integers().between(0, 40))
        .checkAssert(
            (seed, off) -> {
              byte[] leaf = LeafSamples.leafOrMutation(seed);
              if (!CanonicalJson.isCanonicalStrict(leaf, 0, leaf.length)) {
                return; // the verifier reports those before asking about the record
              }
              byte[] buf = new byte[off + leaf.length + 7];
              Arrays.fill(buf, (byte) '}');
              System.arraycopy(leaf, 0, buf, off, leaf.length);
              long index = seed & 0xFFFF;
              assertThat(RecordShape.problem(index, buf, off, leaf.length, scan))
                  .isEqualTo(RecordShape.problem(index, leaf.clone()));
            });
  }

  @Test
  void problem_ofAValidLeaf_isNone() {
    qt().withExamples(1_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              byte[] leaf = LeafSamples.validLeaf(seed);
              assertThat(RecordShape.problem(3, leaf, 0, leaf.length, scan)).isNull();
            });
  }
}
