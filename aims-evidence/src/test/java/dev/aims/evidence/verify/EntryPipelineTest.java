package dev.aims.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.record.Envelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's results per entry, whichever of its two threads checked the entry: every entry of
 * a block is hashed and checked exactly as on its own, and a throw comes back at its entry.
 */
class EntryPipelineTest {
  private static final int COUNT = EntryPipeline.Block.MAX_ENTRIES;

  private static void fill(EntryPipeline.Block b, long first) {
    b.data = new byte[COUNT * 1024];
    int used = 0;
    for (int k = 0; k < COUNT; k++) {
      byte[] leaf =
          k % 7 == 3
              ? ("{\"a\":" + k + "}").getBytes(StandardCharsets.UTF_8)
              : Envelope.encode(Decisions.decision(first + k), Instant.EPOCH.plusSeconds(k));
      System.arraycopy(leaf, 0, b.data, used, leaf.length);
      used += leaf.length;
      b.ends[k] = used;
    }
    b.first = first;
    b.count = COUNT;
  }

  @Test
  void next_givesEveryEntryItsHashAndChecksWhicheverThreadCheckedIt() throws IOException {
    try (EntryPipeline pipeline = new EntryPipeline(true)) {
      for (int round = 0; round < 5; round++) {
        EntryPipeline.Block b = pipeline.freeBlock();
        fill(b, round * 10_000L);
        pipeline.submit(b);
        EntryPipeline.Block back = pipeline.next();
        assertThat(back).isSameAs(b);
        assertThat(back.failure).isNull();
        for (int k = 0; k < COUNT; k++) {
          byte[] entry = Arrays.copyOfRange(back.data, back.start(k), back.ends[k]);
          assertThat(back.canonical[k]).isTrue();
          assertThat(back.notARecord[k])
              .as("entry %d", k)
              .isEqualTo(RecordShape.problem(back.first + k, entry));
          assertThat(Arrays.copyOfRange(back.leaves, k * 32, k * 32 + 32))
              .isEqualTo(MerkleHash.leaf(entry));
        }
        pipeline.recycle(back);
      }
    }
  }

  @Test
  void next_bringsAThrowBackAtTheEntryItCameFrom() throws IOException {
    try (EntryPipeline pipeline = new EntryPipeline(true)) {
      EntryPipeline.Block b = pipeline.freeBlock();
      fill(b, 0);
      // An end before its start: hashing and checking that entry both throw.
      b.ends[1500] = b.ends[1499] - 1;
      pipeline.submit(b);
      EntryPipeline.Block back = pipeline.next();
      assertThat(back.failure).isInstanceOf(RuntimeException.class);
      assertThat(back.failedAt).isEqualTo(1500);
      for (int k = 0; k < 1500; k++) {
        byte[] entry = Arrays.copyOfRange(back.data, back.start(k), back.ends[k]);
        assertThat(back.notARecord[k]).isEqualTo(RecordShape.problem(k, entry));
      }
    }
  }
}
