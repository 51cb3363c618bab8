package dev.aims.evidence.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.merkle.TestVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The signed checkpoints of the public 15-entry tessera test log: each verifies with the log's
 * verifier key, and no single changed byte of text or signature does.
 */
class NoteVectorsTest {
  static final String VKEY =
      "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx";

  private static List<Path> checkpoints() throws IOException {
    Path log = TestVectors.dir("tlog-tiles/testdata/log");
    try (Stream<Path> s = Files.list(log)) {
      return s.filter(p -> p.getFileName().toString().startsWith("checkpoint"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void parse_readsTheVectorKey() {
    NoteVerifier v = NoteVerifier.parse(VKEY);
    assertThat(v.name()).isEqualTo("example.com/log/testdata");
    assertThat(v.keyId()).isEqualTo(0x33d7b496);
    assertThat(v.vkey()).isEqualTo(VKEY);
  }

  /** One dynamic test per checkpoint file of the vector log. */
  private static Stream<DynamicTest> eachCheckpoint(ThrowingConsumer<Path> check)
      throws IOException {
    return checkpoints().stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check.accept(f)));
  }

  @TestFactory
  Stream<DynamicTest> verify_acceptsEveryVectorCheckpoint() throws IOException {
    NoteVerifier v = NoteVerifier.parse(VKEY);
    return eachCheckpoint(
        f -> {
          Checkpoint cp = v.verifyCheckpoint(Files.readString(f));
          assertThat(cp.origin()).isEqualTo("example.com/log/testdata");
          String suffix = f.getFileName().toString().replace("checkpoint", "");
          if (!suffix.isEmpty()) {
            assertThat(cp.size()).isEqualTo(Long.parseLong(suffix.substring(1)));
          }
        });
  }

  @Test
  void verify_rejectsEveryChangedByteOfTheLatestCheckpoint() throws IOException {
    NoteVerifier v = NoteVerifier.parse(VKEY);
    byte[] note =
        Files.readAllBytes(TestVectors.dir("tlog-tiles/testdata/log").resolve("checkpoint"));
    for (int i = 0; i < note.length; i++) {
      byte[] changed = note.clone();
      changed[i] ^= 0x01;
      int at = i;
      assertThatThrownBy(() -> v.verify(changed))
          .as("changed byte %d", at)
          .isInstanceOf(NoteException.class);
    }
  }

  @TestFactory
  Stream<DynamicTest> verify_rejectsChangedTextOrSignatureOfEveryCheckpoint() throws IOException {
    // Ed25519 verification is slow in the JDK; every byte of one note is covered above, so here
    // the first and last byte of the text and of the signature of each note.
    NoteVerifier v = NoteVerifier.parse(VKEY);
    return eachCheckpoint(
        f -> {
          byte[] note = Files.readAllBytes(f);
          String s = new String(note, StandardCharsets.UTF_8);
          int textEnd = s.indexOf("\n\n");
          int sigStart = s.lastIndexOf(' ') + 1;
          for (int i : new int[] {0, textEnd - 1, sigStart, note.length - 3}) {
            byte[] changed = note.clone();
            changed[i] ^= 0x04;
            assertThatThrownBy(() -> v.verify(changed))
                .as("changed byte %d", i)
                .isInstanceOf(NoteException.class);
          }
        });
  }

  @Test
  void verify_rejectsTheVectorCheckpointUnderAnotherKeyOfTheSameName() throws IOException {
    Path cp = checkpoints().get(0);
    NoteVerifier other = NoteSigner.generate("example.com/log/testdata").verifier();
    assertThatThrownBy(() -> other.verify(Files.readString(cp)))
        .isInstanceOf(NoteException.class)
        .hasMessageContaining("no signature by example.com/log/testdata+");
  }
}
