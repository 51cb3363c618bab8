package dev.aims.evidence.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.store.FailingChannel;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOpeningStoreTest {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve("private").resolve("openings.data");
  }

  @Test
  void openings_areKeptAcrossReopeningAndErasedForGood() throws Exception {
    List<Commitment> commitments = new ArrayList<>();
    try (OpeningStore store = OpeningStore.open(dir)) {
      for (int i = 0; i < 500; i++) {
        commitments.add(store.commit("applicant " + i));
      }
      store.sync();
      assertThat(store.erase(commitments.get(7))).isTrue();
      assertThat(store.erase(commitments.get(7))).isFalse();
    }
    String contents = new String(Files.readAllBytes(file()), StandardCharsets.ISO_8859_1);
    assertThat(contents).doesNotContain("applicant 7\"").contains("applicant 8\"");
    try (OpeningStore store = OpeningStore.open(dir)) {
      assertThat(store.get(commitments.get(7))).isEmpty();
      for (int i : new int[] {0, 8, 499}) {
        Opening o = store.get(commitments.get(i)).orElseThrow();
        assertThat(o.valueJson()).isEqualTo("\"applicant " + i + "\"");
        assertThat(commitments.get(i).isOpenedBy(o)).isTrue();
      }
      assertThat(store.get(Opening.create("never kept").commitment())).isEmpty();
    }
  }

  @Test
  void storageFailures_nameTheLogDirectoryTheFileAndTheOperation_neverTheValue() throws Exception {
    FailingChannel[] channel = new FailingChannel[1];
    try (FileOpeningStore store =
        FileOpeningStore.open(
            dir, (f, options) -> channel[0] = new FailingChannel(FileChannel.open(f, options)))) {
      store.commit("Jane Doe");
      channel[0].writes = "No space left on device";
      assertThatThrownBy(store::sync)
          .isInstanceOf(IOException.class)
          .hasMessage(
              "opening store of the evidence log "
                  + dir
                  + ": writing openings to private/openings.data failed: No space left on device")
          .hasMessageNotContaining("Jane");
      channel[0].writes = null;
      Commitment c = store.commit("John Doe");
      store.sync();
      channel[0].syncs = "Input/output error";
      assertThatThrownBy(() -> store.erase(c))
          .hasMessage(
              "opening store of the evidence log "
                  + dir
                  + ": syncing an erasure in private/openings.data failed: Input/output error");
      channel[0].syncs = null;
    }
  }

  @Test
  void put_ofAnOpeningThatDoesNotMatch_isRefused() throws Exception {
    try (OpeningStore store = OpeningStore.open(dir)) {
      Opening a = Opening.create("a");
      Opening b = Opening.create("b");
      assertThatThrownBy(() -> store.put(a.commitment(), b))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(a.commitment().toString());
    }
  }

  @Test
  void aTornLastRecord_isCutOffAndTheRestIsKept() throws Exception {
    Commitment kept;
    try (OpeningStore store = OpeningStore.open(dir)) {
      kept = store.commit("kept");
    }
    long good = Files.size(file());
    // A crash in the middle of the next record: its length and state, and half its digest.
    Files.write(file(), new byte[] {0, 0, 0, 70, 1, 9, 9, 9}, StandardOpenOption.APPEND);
    try (OpeningStore store = OpeningStore.open(dir)) {
      assertThat(Files.size(file())).isEqualTo(good);
      assertThat(store.get(kept)).isPresent();
      Commitment next = store.commit("after the crash");
      assertThat(store.get(next).orElseThrow().valueJson()).isEqualTo("\"after the crash\"");
    }
  }

  @Test
  void damageInTheMiddle_failsClosedNamingTheOffset() throws Exception {
    try (OpeningStore store = OpeningStore.open(dir)) {
      store.commit("first");
      store.commit("second");
    }
    byte[] bytes = Files.readAllBytes(file());
    bytes[8 + 4] = 7; // the first record's state byte
    Files.write(file(), bytes);
    assertThatThrownBy(() -> OpeningStore.open(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("byte offset 8")
        .hasMessageContaining("state 7");
  }

  @Test
  void aSecondWriter_isRefused() throws Exception {
    try (OpeningStore store = OpeningStore.open(dir)) {
      assertThatThrownBy(() -> OpeningStore.open(dir))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("held by another writer");
      store.sync();
    }
  }

  @Test
  void inMemoryStore_keepsAndErasesOpenings() throws Exception {
    OpeningStore store = OpeningStore.inMemory();
    Commitment c = store.commit("x");
    assertThat(store.get(c)).isPresent();
    assertThat(store.erase(c)).isTrue();
    assertThat(store.get(c)).isEmpty();
    store.close();
    assertThatThrownBy(() -> store.get(c)).isInstanceOf(IllegalStateException.class);
  }
}
