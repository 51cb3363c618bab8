package dev.aims.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.spi.StoreLockedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LogStore} must pass. A store proves itself with a test class that
 * extends this one and says how to open a fresh store and how to reopen the storage of a closed
 * one; everything else (append, size, entry bytes, leaf hashes, nodes, roots and proofs against a
 * naive reference tree, checkpoints, reopening, iteration, errors, concurrent appends) is checked
 * here.
 */
public abstract class LogStoreContract {
  /** The signer of the contract's checkpoints. */
  protected static final NoteSigner SIGNER = NoteSigner.generate("contract.example/log");

  /** Opens a new, empty store. */
  protected abstract LogStore create() throws IOException;

  /** Opens again the storage of {@code store}, which the caller has closed (or not: see tests). */
  protected abstract LogStore reopen(LogStore store) throws IOException;

  /**
   * Whether several stores may write to the same storage at once (a database store shared by a
   * fleet of service instances). A single-writer store (the default) must refuse a second writer; a
   * shared store must let it see and extend the same log.
   */
  protected boolean sharedWriters() {
    return false;
  }

  // ------------------------------------------------------------ helpers

  /** Returns entry {@code i} of the contract's logs: distinct, with varying lengths. */
  protected static byte[] entry(int i) {
    String s = "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(i % 37) + "\"}";
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns entries {@code from} to {@code to - 1}. */
  protected static List<byte[]> entries(int from, int to) {
    List<byte[]> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(entry(i));
    }
    return out;
  }

  /** Signs a checkpoint over the first {@code size} entries of {@code store}. */
  protected static String checkpoint(LogStore store, long size) throws IOException {
    return SIGNER.sign(Checkpoint.of(SIGNER.name(), size, store.root(size)).format());
  }

  /** The naive RFC 9162 tree hash over {@code leaves[from, to)}. */
  static byte[] naiveRoot(List<byte[]> leaves, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return MerkleHash.emptyRoot();
    }
    if (n == 1) {
      return leaves.get(from);
    }
    int k = Integer.highestOneBit(n - 1);
    return MerkleHash.node(naiveRoot(leaves, from, from + k), naiveRoot(leaves, from + k, to));
  }

  static List<byte[]> leafHashes(List<byte[]> entries) {
    return entries.stream().map(MerkleHash::leaf).collect(Collectors.toList());
  }

  private static List<byte[]> all(LogStore store, long from) throws IOException {
    try (Stream<byte[]> s = store.entries(from)) {
      return s.collect(Collectors.toList());
    }
  }

  private static List<String> history(LogStore store) throws IOException {
    try (Stream<String> s = store.checkpoints()) {
      return s.collect(Collectors.toList());
    }
  }

  /** Checks every observable of {@code store} against the naive reference over {@code expected}. */
  protected static void assertMatches(LogStore store, List<byte[]> expected) throws IOException {
    int n = expected.size();
    List<byte[]> leaves = leafHashes(expected);
    assertThat(store.size()).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      assertThat(store.entry(i)).as("entry %d", i).isEqualTo(expected.get(i));
      assertThat(store.leafHash(i)).as("leaf hash %d", i).isEqualTo(leaves.get(i));
    }
    for (int level = 1; (1L << level) <= n; level++) {
      for (int k = 0; (long) (k + 1) << level <= n; k++) {
        int from = k << level;
        assertThat(store.node(level, k))
            .as("node %d/%d", level, k)
            .isEqualTo(naiveRoot(leaves, from, from + (1 << level)));
      }
    }
    for (int s : sizesToCheck(n)) {
      assertThat(store.root(s)).as("root(%d)", s).isEqualTo(naiveRoot(leaves, 0, s));
    }
    assertThat(store.root()).isEqualTo(naiveRoot(leaves, 0, n));
    List<byte[]> streamed = all(store, 0);
    assertThat(streamed).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(streamed.get(i)).isEqualTo(expected.get(i));
    }
  }

  /** Every size up to 128; beyond, the sizes around each power of two, the end, and a stride. */
  private static Set<Integer> sizesToCheck(int n) {
    Set<Integer> sizes = new java.util.TreeSet<>();
    for (int s = 0; s <= Math.min(n, 128); s++) {
      sizes.add(s);
    }
    for (int p = 128; p <= n; p *= 2) {
      sizes.add(p - 1);
      sizes.add(p);
      sizes.add(Math.min(n, p + 1));
    }
    for (int s = n; s > 128 && s > n - 3; s--) {
      sizes.add(s);
    }
    for (int s = 129; s < n; s += 97) {
      sizes.add(s);
    }
    return sizes;
  }

  // ------------------------------------------------------------ tests

  @Test
  void empty_hasNoEntriesAndTheEmptyRoot() throws IOException {
    try (LogStore store = create()) {
      assertThat(store.size()).isZero();
      assertThat(store.root()).isEqualTo(MerkleHash.emptyRoot());
      assertThat(store.root(0)).isEqualTo(MerkleHash.emptyRoot());
      assertThat(all(store, 0)).isEmpty();
      assertThat(history(store)).isEmpty();
      assertThat(store.latestCheckpoint()).isEmpty();
      store.sync();
    }
  }

  @Test
  void append_returnsFirstIndexAndKeepsExactBytes() throws IOException {
    try (LogStore store = create()) {
      assertThat(store.append(entries(0, 3))).isZero();
      assertThat(store.append(List.of())).isEqualTo(3);
      assertThat(store.append(entries(3, 4))).isEqualTo(3);
      byte[] odd = {0, (byte) 0xff, '\n', 0, 1};
      assertThat(store.append(List.of(odd))).isEqualTo(4);
      List<byte[]> expected = new ArrayList<>(entries(0, 4));
      expected.add(odd);
      assertMatches(store, expected);
    }
  }

  @Test
  void append_isVisibleBeforeSync() throws IOException {
    try (LogStore store = create()) {
      store.append(entries(0, 5));
      assertMatches(store, entries(0, 5));
    }
  }

  @Test
  void treeAndProofs_matchNaiveReference_forEverySizeUpTo70() throws IOException {
    try (LogStore store = create()) {
      List<byte[]> expected = new ArrayList<>();
      for (int i = 0; i < 70; i++) {
        store.append(List.of(entry(i)));
        expected.add(entry(i));
      }
      store.sync();
      assertMatches(store, expected);
      List<byte[]> leaves = leafHashes(expected);
      for (int size = 1; size <= 70; size++) {
        byte[] root = naiveRoot(leaves, 0, size);
        for (int i = 0; i < size; i++) {
          List<byte[]> proof = Proofs.inclusion(i, size, store.nodes());
          Proofs.verifyInclusion(i, size, leaves.get(i), proof, root);
        }
        for (int size1 = 1; size1 <= size; size1++) {
          List<byte[]> proof = Proofs.consistency(size1, size, store.nodes());
          Proofs.verifyConsistency(size1, size, naiveRoot(leaves, 0, size1), root, proof);
        }
      }
    }
  }

  @Test
  void batches_ofAnySplit_giveTheSameTree() {
    qt().withExamples(25)
        .forAll(lists().of(integers().between(0, 9)).ofSizeBetween(1, 12))
        .checkAssert(
            batches -> {
              try (LogStore store = create()) {
                int next = 0;
                for (int b : batches) {
                  assertThat(store.append(entries(next, next + b))).isEqualTo(next);
                  next += b;
                  store.sync();
                }
                assertMatches(store, entries(0, next));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  @Test
  void entries_streamsFromAnyIndexUpToTheSizeAtTheCall() throws IOException {
    try (LogStore store = create()) {
      store.append(entries(0, 10));
      for (int from = 0; from <= 10; from++) {
        List<byte[]> got = all(store, from);
        assertThat(got).hasSize(10 - from);
        for (int i = 0; i < got.size(); i++) {
          assertThat(got.get(i)).isEqualTo(entry(from + i));
        }
      }
      try (Stream<byte[]> s = store.entries(2)) {
        store.append(entries(10, 12));
        assertThat(s.count()).isEqualTo(8);
      }
    }
  }

  @Test
  void checkpoints_areKeptInOrderAndChecked() throws IOException {
    try (LogStore store = create()) {
      String c0 = checkpoint(store, 0);
      store.appendCheckpoint(c0);
      store.append(entries(0, 3));
      String c3 = checkpoint(store, 3);
      store.appendCheckpoint(c3);
      store.append(entries(3, 8));
      String c5 = checkpoint(store, 5);
      store.appendCheckpoint(c5);
      store.sync();
      assertThat(history(store)).containsExactly(c0, c3, c5);
      assertThat(store.latestCheckpoint()).contains(c5);

      assertThatThrownBy(() -> store.appendCheckpoint(checkpoint(store, 4)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("below the previous checkpoint's size 5");
      String beyond = SIGNER.sign(Checkpoint.of(SIGNER.name(), 9, store.root(8)).format());
      assertThatThrownBy(() -> store.appendCheckpoint(beyond))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("beyond the log's size 8");
      String wrongRoot = SIGNER.sign(Checkpoint.of(SIGNER.name(), 6, store.root(5)).format());
      assertThatThrownBy(() -> store.appendCheckpoint(wrongRoot))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not match the log's root at size 6");
      assertThatThrownBy(() -> store.appendCheckpoint("not a note"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(history(store)).containsExactly(c0, c3, c5);
    }
  }

  @Test
  void checkpoints_areVisibleBeforeSync() throws IOException {
    try (LogStore store = create()) {
      store.append(entries(0, 2));
      String c = checkpoint(store, 2);
      store.appendCheckpoint(c);
      assertThat(store.latestCheckpoint()).contains(c);
      assertThat(history(store)).containsExactly(c);
    }
  }

  @Test
  void reopen_keepsEverythingSyncedAndAppendsContinue() throws IOException {
    LogStore store = create();
    store.append(entries(0, 6));
    String c6 = checkpoint(store, 6);
    store.appendCheckpoint(c6);
    store.append(entries(6, 9));
    store.sync();
    store.close();
    try (LogStore again = reopen(store)) {
      assertMatches(again, entries(0, 9));
      assertThat(history(again)).containsExactly(c6);
      assertThat(again.latestCheckpoint()).contains(c6);
      assertThat(again.append(entries(9, 21))).isEqualTo(9);
      String c21 = checkpoint(again, 21);
      again.appendCheckpoint(c21);
      again.sync();
      assertMatches(again, entries(0, 21));
      assertThat(history(again)).containsExactly(c6, c21);
      assertThatThrownBy(() -> again.appendCheckpoint(checkpoint(again, 5)))
          .hasMessageContaining("below the previous checkpoint's size 21");
    }
  }

  @Test
  void secondWriter_isRejectedWhileTheFirstIsOpen() throws IOException {
    try (LogStore store = create()) {
      store.append(entries(0, 1));
      store.sync();
      if (sharedWriters()) {
        // A shared store: the second writer sees the log and extends it, in one order.
        try (LogStore second = reopen(store)) {
          assertThat(second.size()).isEqualTo(1);
          assertThat(second.append(entries(1, 3))).isEqualTo(1);
          assertThat(store.append(entries(3, 4))).isEqualTo(3);
          second.sync();
          store.sync();
          assertMatches(store, entries(0, 4));
        }
        return;
      }
      assertThatThrownBy(() -> reopen(store).close())
          .isInstanceOf(StoreLockedException.class)
          .hasMessageContaining("already open");
      assertThat(store.entry(0)).isEqualTo(entry(0));
    }
  }

  @Test
  void badArguments_areRejectedNamingTheValue() throws IOException {
    try (LogStore store = create()) {
      store.append(entries(0, 5));
      assertThatThrownBy(() -> store.entry(5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("was 5");
      assertThatThrownBy(() -> store.entry(-1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.leafHash(5)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.node(1, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("level 1, index 2");
      assertThatThrownBy(() -> store.node(3, 0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.node(-1, 0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.root(6))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("was 6");
      assertThatThrownBy(() -> store.entries(6)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.append(List.of(entry(5), new byte[0])))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("entries[1]");
      // A rejected batch leaves nothing behind.
      assertThat(store.size()).isEqualTo(5);
      assertMatches(store, entries(0, 5));
    }
  }

  @Test
  void closed_storeRefusesCallsAndClosesTwiceQuietly() throws IOException {
    LogStore store = create();
    store.append(entries(0, 1));
    store.close();
    store.close();
    assertThatThrownBy(() -> store.append(entries(1, 2))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.entry(0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(store::sync).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sixteenThreads_appendingAtOnce_loseAndDuplicateNothing() throws Exception {
    int threads = 16;
    int perThread = 200;
    try (LogStore store = create()) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Long> indexes = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    byte[] e = ("t" + thread + "-" + i).getBytes(StandardCharsets.UTF_8);
                    long idx = store.append(List.of(e));
                    if (i % 50 == 0) {
                      store.sync();
                    }
                    indexes.add(idx);
                  }
                  return indexes;
                }));
      }
      start.countDown();
      Set<Long> seen = new HashSet<>();
      for (int t = 0; t < threads; t++) {
        List<Long> indexes = results.get(t).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < perThread; i++) {
          long idx = indexes.get(i);
          assertThat(seen.add(idx)).as("index %d assigned once", idx).isTrue();
          assertThat(new String(store.entry(idx), StandardCharsets.UTF_8))
              .isEqualTo("t" + t + "-" + i);
        }
      }
      pool.shutdown();
      store.sync();
      assertThat(store.size()).isEqualTo(threads * perThread);
      assertThat(seen).hasSize(threads * perThread);
      List<byte[]> stored = all(store, 0);
      assertThat(stored.stream().map(b -> new String(b, StandardCharsets.UTF_8)).distinct())
          .hasSize(threads * perThread);
      assertMatches(store, stored);
    }
  }

  @Test
  void largeEntries_roundTrip() throws IOException {
    byte[] big = new byte[300_000];
    Arrays.fill(big, (byte) 'a');
    big[big.length - 1] = 'z';
    try (LogStore store = create()) {
      store.append(List.of(entry(0), big, entry(2)));
      store.sync();
      assertMatches(store, List.of(entry(0), big, entry(2)));
    }
  }
}
