package dev.aims.evidence.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleHashTest {
  private static final HexFormat HEX = HexFormat.of();

  // The RFC 6962 reference leaves used by Certificate Transparency test suites.
  static final List<String> RFC6962_LEAVES =
      List.of(
          "",
          "00",
          "10",
          "2021",
          "3031",
          "40414243",
          "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");

  // Roots of the trees of the first 1..8 of those leaves.
  static final List<String> RFC6962_ROOTS =
      List.of(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  @Test
  void emptyRoot_isSha256OfNothing() {
    assertThat(HEX.formatHex(MerkleHash.emptyRoot()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void leaf_prefixesZeroByte() {
    assertThat(HEX.formatHex(MerkleHash.leaf(new byte[0])))
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    assertThat(MerkleHash.leaf(new byte[] {0})).isEqualTo(MerkleHash.sha256(new byte[] {0, 0}));
  }

  @Test
  void node_prefixesOneByte() {
    byte[] l = MerkleHash.leaf(new byte[] {1});
    byte[] r = MerkleHash.leaf(new byte[] {2});
    byte[] concat = new byte[65];
    concat[0] = 1;
    System.arraycopy(l, 0, concat, 1, 32);
    System.arraycopy(r, 0, concat, 33, 32);
    assertThat(MerkleHash.node(l, r)).isEqualTo(MerkleHash.sha256(concat));
  }

  @Test
  void leaf_withOffsetAndIntoBufferAgreeWithPlainLeaf() {
    byte[] data = "xxhello-worldyy".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] expected =
        MerkleHash.leaf("hello-world".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(MerkleHash.leaf(data, 2, 11)).isEqualTo(expected);
    byte[] out = new byte[40];
    MerkleHash.leaf(data, 2, 11, out, 8);
    assertThat(java.util.Arrays.copyOfRange(out, 8, 40)).isEqualTo(expected);
    assertThatThrownBy(() -> MerkleHash.leaf(data, 0, 1, new byte[16], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no room");
    assertThatThrownBy(() -> MerkleHash.leaf(data, 10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the entry of 15 bytes");
    // A rejected call leaves the thread's digest clean for the next one.
    assertThat(MerkleHash.leaf(data, 2, 11)).isEqualTo(expected);
  }

  @Test
  void node_rejectsHashesOfTheWrongLength() {
    assertThatThrownBy(() -> MerkleHash.node(new byte[31], new byte[32]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("left hash must be 32 bytes, was 31 bytes");
  }

  @Test
  void compactRange_givesTheRfc6962ReferenceRoots() {
    CompactRange range = CompactRange.create();
    for (int i = 0; i < RFC6962_LEAVES.size(); i++) {
      range.append(MerkleHash.leaf(HEX.parseHex(RFC6962_LEAVES.get(i))));
      assertThat(HEX.formatHex(range.root()))
          .as("root of size %d", i + 1)
          .isEqualTo(RFC6962_ROOTS.get(i));
    }
  }
}
