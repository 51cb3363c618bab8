package dev.aims.evidence.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonPropertiesTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void canonicalize_ignoresWhitespaceKeyOrderAndEscapes() {
    qt().withExamples(500)
        .forAll(JsonTrees.trees(3), longs().all(), longs().all())
        .checkAssert(
            (tree, seed1, seed2) -> {
              byte[] expected = CanonicalJson.write(tree);
              assertThat(CanonicalJson.canonicalizeStrict(utf8(JsonTrees.render(tree, seed1))))
                  .isEqualTo(expected);
              assertThat(CanonicalJson.canonicalize(utf8(JsonTrees.render(tree, seed2))))
                  .isEqualTo(expected);
            });
  }

  @Test
  void canonicalize_isIdempotent() {
    qt().withExamples(500)
        .forAll(JsonTrees.trees(3), longs().all())
        .checkAssert(
            (tree, seed) -> {
              byte[] once = CanonicalJson.canonicalize(utf8(JsonTrees.render(tree, seed)));
              assertThat(CanonicalJson.canonicalize(once)).isEqualTo(once);
              assertThat(CanonicalJson.canonicalizeStrict(once)).isEqualTo(once);
            });
  }

  @Test
  void canonicalOutput_reparsesToTheSameTree() {
    qt().withExamples(500)
        .forAll(JsonTrees.trees(3))
        .checkAssert(
            tree ->
                assertThat(CanonicalJson.parseStrict(CanonicalJson.write(tree))).isEqualTo(tree));
  }

  @Test
  void numbers_printShortestDigitsThatReadBackExactly() {
    qt().withExamples(3000)
        .forAll(longs().all())
        .assuming(bits -> Double.isFinite(Double.longBitsToDouble(bits)))
        .checkAssert(
            bits -> {
              double d = Double.longBitsToDouble(bits);
              String ours = EcmaNumbers.format(d);
              assertThat(Double.parseDouble(ours)).isEqualTo(d == 0 ? 0.0 : d);
              // Never more digits than the JDK (which always reads back, but is not always
              // shortest).
              assertThat(digits(ours)).isLessThanOrEqualTo(digits(Double.toString(d)));
              // And what canonicalize prints for the JDK's text is the same.
              assertThat(
                      CanonicalJson.canonicalize(
                          utf8("[" + Double.toString(d).replace("E", "e") + "]")))
                  .isEqualTo(utf8("[" + ours + "]"));
            });
  }

  private static int digits(String number) {
    String m = number.replaceAll("[eE].*", "").replace("-", "").replace(".", "");
    m = m.replaceAll("^0+", "").replaceAll("0+$", "");
    return Math.max(1, m.length());
  }
}
