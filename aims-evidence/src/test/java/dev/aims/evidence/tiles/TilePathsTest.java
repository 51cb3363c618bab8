package dev.aims.evidence.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TilePathsTest {
  @Test
  void index_writesThreeDigitGroupsWithXPrefixes() {
    assertThat(TilePaths.index(0)).isEqualTo("000");
    assertThat(TilePaths.index(7)).isEqualTo("007");
    assertThat(TilePaths.index(999)).isEqualTo("999");
    assertThat(TilePaths.index(1000)).isEqualTo("x001/000");
    assertThat(TilePaths.index(1234067)).isEqualTo("x001/x234/067");
    assertThat(TilePaths.index(Long.MAX_VALUE)).isEqualTo("x009/x223/x372/x036/x854/x775/807");
  }

  @Test
  void tile_andEntries_addPartialWidths() {
    assertThat(TilePaths.tile(0, 0, 15)).isEqualTo("tile/0/000.p/15");
    assertThat(TilePaths.tile(1, 1234067, 256)).isEqualTo("tile/1/x001/x234/067");
    assertThat(TilePaths.entries(5, 256)).isEqualTo("tile/entries/005");
    assertThat(TilePaths.entries(1000, 1)).isEqualTo("tile/entries/x001/000.p/1");
  }

  @Test
  void paths_rejectInvalidArguments() {
    for (Runnable r :
        List.<Runnable>of(
            () -> TilePaths.tile(0, 0, 0),
            () -> TilePaths.tile(0, 0, 257),
            () -> TilePaths.tile(64, 0, 1),
            () -> TilePaths.index(-1))) {
      assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
