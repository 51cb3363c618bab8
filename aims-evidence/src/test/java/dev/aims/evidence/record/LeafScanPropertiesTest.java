package dev.aims.evidence.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.aims.evidence.canonical.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link LeafScan} against its references, the canonical check and the decoder: over valid leaves
 * of every record type and over mutations of them (canonical or not), whatever the scan accepts
 * both accept, and the scan accepts the valid leaves of the types it decides. So the scan may only
 * ever save their work, never change a verdict.
 */
class LeafScanPropertiesTest {
  private final LeafScan scan = new LeafScan();

  private static boolean decodes(byte[] leaf) {
    try {
      Envelope.decode(7, leaf).record();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private boolean scanAccepts(byte[] leaf) {
    // The padding checks that the scan keeps to its range.
    byte[] padded = new byte[leaf.length + 6];
    System.arraycopy(leaf, 0, padded, 3, leaf.length);
    padded[0] = '"';
    padded[padded.length - 1] = '}';
    return scan.isRecord(padded, 3, leaf.length);
  }

  @Test
  void isRecord_acceptsOnlyCanonicalLeavesThatTheDecoderAccepts() {
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger canonicalRejected = new AtomicInteger();
    AtomicInteger notCanonical = new AtomicInteger();
    qt().withExamples(10_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              byte[] leaf = LeafSamples.leafOrMutation(seed);
              boolean canonical = CanonicalJson.isCanonicalStrict(leaf, 0, leaf.length);
              if (scanAccepts(leaf)) {
                accepted.incrementAndGet();
                assertThat(canonical)
                    .as("scan accepts what is not canonical: %s", text(leaf))
                    .isTrue();
                assertThat(decodes(leaf))
                    .as("scan accepts what the decoder refuses: %s", text(leaf))
                    .isTrue();
              } else if (!canonical) {
                notCanonical.incrementAndGet();
              } else if (!decodes(leaf)) {
                canonicalRejected.incrementAndGet();
              }
            });
    // Not vacuous: the mutations reach the scan every way.
    assertThat(accepted.get()).isGreaterThan(1_000);
    assertThat(canonicalRejected.get()).isGreaterThan(1_000);
    assertThat(notCanonical.get()).isGreaterThan(1_000);
  }

  @Test
  void mutationsOfMutations_thatCutALeafShort_areStillMutations() {
    // Seeds that found the generator failing on a leaf an earlier change had cut: a map cut
    // open, a leaf cut to nothing.
    for (long seed : new long[] {2037135028732685627L, -4521852568481646853L}) {
      byte[] leaf = LeafSamples.leafOrMutation(seed);
      if (scanAccepts(leaf)) {
        assertThat(CanonicalJson.isCanonicalStrict(leaf, 0, leaf.length)).isTrue();
        assertThat(decodes(leaf)).isTrue();
      }
    }
  }

  @Test
  void isRecord_neverThrowsOnAnyBytes() {
    qt().withExamples(5_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              byte[] leaf = LeafSamples.leafOrMutation(seed);
              assertThatCode(() -> scan.isRecord(leaf, 0, leaf.length)).doesNotThrowAnyException();
            });
  }

  @Test
  void isRecord_acceptsEveryValidLeafOfTheTypesItDecides() {
    qt().withExamples(5_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              byte[] leaf = LeafSamples.validCoveredLeaf(seed);
              assertThat(decodes(leaf)).isTrue();
              assertThat(scanAccepts(leaf)).as("%s", text(leaf)).isTrue();
            });
  }

  @Test
  void isRecord_leavesKeyRotationsAndImpactAssessmentsToTheDecoder() {
    qt().withExamples(2_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              byte[] leaf = LeafSamples.validLeaf(seed);
              RecordType type = Envelope.decode(0, leaf).type();
              boolean decided =
                  type != RecordType.KEY_ROTATION && type != RecordType.IMPACT_ASSESSMENT;
              assertThat(decodes(leaf)).isTrue();
              if (!decided) {
                assertThat(scanAccepts(leaf)).isFalse();
              }
            });
  }

  private static String text(byte[] leaf) {
    return new String(leaf, StandardCharsets.UTF_8);
  }
}
