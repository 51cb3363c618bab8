package dev.aims.evidence.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.merkle.MerkleHash;
import org.junit.jupiter.api.Test;

class CheckpointTest {
  private static final byte[] ROOT = MerkleHash.leaf(new byte[] {7});

  @Test
  void format_writesOriginSizeAndRootLines() {
    Checkpoint cp = Checkpoint.of("example.com/log", 15, MerkleHash.emptyRoot());
    assertThat(cp.format())
        .isEqualTo("example.com/log\n15\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
  }

  @Test
  void parse_roundTripsWithExtensionLines() {
    Checkpoint cp =
        Checkpoint.builder().origin("o").size(0).root(ROOT).addExtensions("x y", "z").build();
    assertThat(Checkpoint.parse(cp.format())).isEqualTo(cp);
    assertThat(Checkpoint.parse(cp.format()).extensions()).containsExactly("x y", "z");
  }

  @Test
  void root_isCopiedInAndOut() {
    byte[] root = ROOT.clone();
    Checkpoint cp = Checkpoint.of("o", 1, root);
    root[0] ^= 1;
    cp.root()[1] ^= 1;
    assertThat(cp.root()).isEqualTo(ROOT);
  }

  @Test
  void parse_rejectsMalformedCheckpointsNamingTheLine() {
    String root = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    assertThatThrownBy(() -> Checkpoint.parse("o\n1\n" + root)).hasMessageContaining("newline");
    assertThatThrownBy(() -> Checkpoint.parse("o\n1\n")).hasMessageContaining("at least 3 lines");
    assertThatThrownBy(() -> Checkpoint.parse("\n1\n" + root + "\n"))
        .hasMessageContaining("origin (line 1) is empty");
    assertThatThrownBy(() -> Checkpoint.parse("o\n01\n" + root + "\n"))
        .hasMessageContaining("size (line 2) \"01\"");
    assertThatThrownBy(() -> Checkpoint.parse("o\n-1\n" + root + "\n"))
        .hasMessageContaining("size (line 2)");
    assertThatThrownBy(() -> Checkpoint.parse("o\n99999999999999999999\n" + root + "\n"))
        .isInstanceOf(NoteException.class);
    assertThatThrownBy(() -> Checkpoint.parse("o\n1\nAAAA\n"))
        .hasMessageContaining("must be 32 bytes, was 3");
    assertThatThrownBy(() -> Checkpoint.parse("o\n1\n" + root.replace("U=", "V=") + "\n"))
        .hasMessageContaining("not base64");
    assertThatThrownBy(() -> Checkpoint.parse("o\n1\n" + root + "\n\n"))
        .hasMessageContaining("extension line 4 is empty");
  }

  @Test
  void builder_rejectsInvalidValues() {
    assertThatThrownBy(() -> Checkpoint.of("a\nb", 1, ROOT)).hasMessageContaining("origin");
    assertThatThrownBy(() -> Checkpoint.of("o", -1, ROOT)).hasMessageContaining("size");
    assertThatThrownBy(() -> Checkpoint.of("o", 1, new byte[5])).hasMessageContaining("32 bytes");
  }

  @Test
  void builder_reportsAMissingOrNullAttributeAsAnIllegalArgumentNamingIt() {
    assertThatThrownBy(() -> Checkpoint.builder().size(1).root(ROOT).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("origin");
    assertThatThrownBy(() -> Checkpoint.of(null, 1, ROOT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("origin");
  }
}
