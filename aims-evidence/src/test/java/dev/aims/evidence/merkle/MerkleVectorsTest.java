package dev.aims.evidence.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every inclusion and consistency case of the public RFC 9162 vectors: accepted exactly when {@code
 * wantErr} is false.
 */
class MerkleVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<Path> files(String kind) throws IOException {
    Path dir = TestVectors.dir("merkle/testdata/" + kind);
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
  }

  private static byte[] b64(JsonNode n) {
    return n == null || n.isNull() ? new byte[0] : Base64.getDecoder().decode(n.asText());
  }

  private static List<byte[]> proof(JsonNode n) {
    List<byte[]> out = new ArrayList<>();
    if (n != null && !n.isNull()) {
      n.forEach(h -> out.add(b64(h)));
    }
    return out;
  }

  private static String name(Path root, Path p) {
    return root.relativize(p).toString();
  }

  /** One dynamic test per vector file: the check must throw exactly when wantErr is true. */
  private static Stream<DynamicTest> cases(String kind, Function<JsonNode, Runnable> check)
      throws IOException {
    Path root = TestVectors.dir("merkle/testdata/" + kind);
    return files(kind).stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    name(root, f),
                    () -> {
                      JsonNode v = JSON.readTree(f.toFile());
                      Runnable run = check.apply(v);
                      if (v.get("wantErr").asBoolean()) {
                        assertThatThrownBy(run::run).isInstanceOf(ProofException.class);
                      } else {
                        assertThatCode(run::run).doesNotThrowAnyException();
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> verifyInclusion_acceptsAndRejectsAsTheVectorsSay() throws IOException {
    return cases(
        "inclusion",
        v ->
            () ->
                Proofs.verifyInclusion(
                    v.get("leafIdx").asLong(),
                    v.get("treeSize").asLong(),
                    b64(v.get("leafHash")),
                    proof(v.get("proof")),
                    b64(v.get("root"))));
  }

  @TestFactory
  Stream<DynamicTest> verifyConsistency_acceptsAndRejectsAsTheVectorsSay() throws IOException {
    return cases(
        "consistency",
        v ->
            () ->
                Proofs.verifyConsistency(
                    v.get("size1").asLong(),
                    v.get("size2").asLong(),
                    b64(v.get("root1")),
                    b64(v.get("root2")),
                    proof(v.get("proof"))));
  }

  @Test
  void vectors_coverBothKindsAndBothOutcomes() throws IOException {
    List<Path> all = new ArrayList<>(files("inclusion"));
    all.addAll(files("consistency"));
    long accepted = 0;
    for (Path f : all) {
      if (!JSON.readTree(f.toFile()).get("wantErr").asBoolean()) {
        accepted++;
      }
    }
    assertThat(all).hasSizeGreaterThan(150);
    assertThat(accepted).isGreaterThan(5).isLessThan(all.size());
  }
}
