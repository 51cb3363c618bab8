package dev.aims.evidence.store;

import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.Envelope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What the crash test's children acknowledged, checked against the log after each recovery: every
 * acknowledged decision is at its acknowledged index with its acknowledged leaf hash, no decision
 * is in the log twice, and the part of the log checked before has not changed.
 *
 * <p>It reads only entries it has not read before: the prefix is pinned by the Merkle root of the
 * size checked last, and the leaf hashes and decision numbers read so far are kept in memory.
 */
final class AcknowledgedRecords {
  /** One acknowledgement: decision {@code number} is durable at {@code index} with this hash. */
  record Ack(long index, long number, byte[] leafHash) {}

  private final Map<Long, Ack> acks = new HashMap<>();
  private final List<String> ackProblems = new ArrayList<>();
  // Everything read from the log so far, by index.
  private final List<byte[]> leafHashes = new ArrayList<>();
  private final List<Long> numbers = new ArrayList<>();
  private final Map<Long, Long> indexOfNumber = new HashMap<>();
  private byte[] checkedRoot;

  /** Records an acknowledgement line {@code ack INDEX N HASH} printed by a child. */
  void acknowledge(String line) {
    String[] parts = line.split(" ");
    if (parts.length != 4 || !parts[0].equals("ack") || parts[3].length() != 64) {
      ackProblems.add("malformed acknowledgement: " + line);
      return;
    }
    Ack ack =
        new Ack(
            Long.parseLong(parts[1]), Long.parseLong(parts[2]), HexFormat.of().parseHex(parts[3]));
    Ack before = acks.put(ack.index(), ack);
    if (before != null) {
      ackProblems.add(
          "index "
              + ack.index()
              + " acknowledged twice: decision "
              + before.number()
              + " and decision "
              + ack.number());
    }
  }

  /** Returns how many distinct records were acknowledged. */
  int size() {
    return acks.size();
  }

  /**
   * Reads what the log holds beyond the part checked before and returns every way it breaks an
   * acknowledgement (empty if none).
   */
  List<String> check(FileStore store) throws IOException {
    List<String> problems = new ArrayList<>(ackProblems);
    long size = store.size();
    long checked = leafHashes.size();
    if (size < checked) {
      problems.add("the log shrank from " + checked + " to " + size + " entries");
      return problems;
    }
    if (checked > 0 && !Arrays.equals(store.root(checked), checkedRoot)) {
      problems.add("the first " + checked + " entries changed since they were checked");
      return problems;
    }
    for (long i = checked; i < size; i++) {
      byte[] entry = store.entry(i);
      long number = numberOf(i, entry);
      leafHashes.add(MerkleHash.leaf(entry));
      numbers.add(number);
      Long other = indexOfNumber.putIfAbsent(number, i);
      if (other != null) {
        problems.add("decision " + number + " is in the log twice, at " + other + " and " + i);
      }
    }
    checkedRoot = store.root(size);
    for (Ack ack : acks.values()) {
      if (ack.index() >= size) {
        problems.add(
            "acknowledged decision "
                + ack.number()
                + " at "
                + ack.index()
                + " is missing: the log has "
                + size
                + " entries");
      } else if (numbers.get((int) ack.index()) != ack.number()) {
        problems.add(
            "index "
                + ack.index()
                + " holds decision "
                + numbers.get((int) ack.index())
                + ", not the acknowledged decision "
                + ack.number());
      } else if (!Arrays.equals(leafHashes.get((int) ack.index()), ack.leafHash())
          // The store's own leaf hash is read once per record; the root pins it after that.
          || (ack.index() >= checked
              && !Arrays.equals(store.leafHash(ack.index()), ack.leafHash()))) {
        problems.add(
            "acknowledged decision "
                + ack.number()
                + " at "
                + ack.index()
                + " has other leaf bytes than acknowledged");
      }
    }
    return problems;
  }

  private static long numberOf(long index, byte[] entry) {
    AiDecision d = (AiDecision) Envelope.decode(index, entry).record();
    return Long.parseLong(d.decision().substring("decision ".length()));
  }
}
