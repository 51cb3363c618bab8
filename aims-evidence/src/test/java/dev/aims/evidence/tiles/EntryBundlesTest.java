package dev.aims.evidence.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntryBundlesTest {
  @Test
  void encode_prefixesEachEntryWithItsBigEndianLength() {
    byte[] bundle = EntryBundles.encode(List.of(new byte[] {'a'}, new byte[0], new byte[300]));
    assertThat(bundle).startsWith(0, 1, 'a', 0, 0, 1, 44);
    assertThat(bundle).hasSize(3 + 2 + 302);
    List<byte[]> back = EntryBundles.decode(bundle);
    assertThat(back).hasSize(3);
    assertThat(back.get(2)).hasSize(300);
  }

  @Test
  void decode_namesTheOffsetOfATruncatedEntry() {
    assertThatThrownBy(() -> EntryBundles.decode(new byte[] {0, 1, 'a', 0, 5, 'b'}))
        .hasMessage("entry 1 at byte 3: length 5 runs past the end of the bundle (6 bytes)");
    assertThatThrownBy(() -> EntryBundles.decode(new byte[] {0}))
        .hasMessageContaining("truncated length prefix");
  }

  @Test
  void encode_rejectsEntriesOver65535Bytes() {
    assertThatThrownBy(() -> EntryBundles.encode(List.of(new byte[65536])))
        .hasMessageContaining("at most 65535");
  }
}
