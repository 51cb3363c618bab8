package dev.aims.evidence.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.merkle.TestVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every RFC 8785 case of the public JCS vectors: input canonicalises to output, byte-exact.
 */
class CanonicalJsonVectorsTest {
  private static List<Path> inputs() throws IOException {
    Path dir = TestVectors.dir("jcs/testdata/input");
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().collect(Collectors.toList());
    }
  }

  /** A check of one vector: its input file and the expected output bytes. */
  private interface VectorCheck {
    void check(Path input, byte[] expected) throws IOException;
  }

  /** One dynamic test per input file, given the expected output from the output folder. */
  private static Stream<DynamicTest> eachVector(VectorCheck check) throws IOException {
    return inputs().stream()
        .map(
            in ->
                DynamicTest.dynamicTest(
                    in.getFileName().toString(),
                    () -> {
                      Path out = in.getParent().resolveSibling("output").resolve(in.getFileName());
                      check.check(in, Files.readAllBytes(out));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> canonicalize_matchesEveryVectorOutput() throws IOException {
    return eachVector(
        (in, expected) -> {
          byte[] actual = CanonicalJson.canonicalize(Files.readAllBytes(in));
          assertThat(new String(actual, StandardCharsets.UTF_8))
              .isEqualTo(new String(expected, StandardCharsets.UTF_8));
          assertThat(actual).isEqualTo(expected);
        });
  }

  @TestFactory
  Stream<DynamicTest> canonicalize_matchesEveryVectorHexDump() throws IOException {
    return eachVector(
        (in, expected) -> {
          String name = in.getFileName().toString().replace(".json", ".txt");
          Path hex = in.getParent().resolveSibling("outhex").resolve(name);
          String digits = Files.readString(hex, StandardCharsets.US_ASCII).replaceAll("\\s+", "");
          assertThat(HexFormat.of().parseHex(digits.toLowerCase())).isEqualTo(expected);
          assertThat(CanonicalJson.canonicalize(Files.readAllBytes(in))).isEqualTo(expected);
        });
  }

  @TestFactory
  Stream<DynamicTest> canonicalize_isIdempotentOnEveryVectorOutput() throws IOException {
    return eachVector(
        (in, expected) -> assertThat(CanonicalJson.canonicalize(expected)).isEqualTo(expected));
  }

  @Test
  void vectors_arePresentWhenTheFolderExists() throws IOException {
    assertThat(inputs()).hasSizeGreaterThanOrEqualTo(6);
  }
}
