package dev.aims.evidence.proof;

import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.ProofException;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.spi.LogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A C2SP {@code tlog-proof}: the index of an entry, its Merkle inclusion proof and the signed
 * checkpoint the proof leads to, in the text format
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64 entry&gt;
 * index &lt;N&gt;
 * &lt;base64 hash&gt;
 * ...
 *
 * &lt;signed checkpoint&gt;
 * </pre>
 *
 * <p>The specification leaves the optional {@code extra} line to the application. AIMS puts the
 * entry itself there (the record's RFC 8785 canonical bytes), which makes the proof complete: the
 * entry hashes to the leaf, the leaf and hashes lead to the checkpoint root, and the checkpoint is
 * signed. The extra data is therefore not trusted as such: {@link #verify(NoteVerifier)} accepts it
 * only because it must hash to a leaf that the signed root includes. Proofs should be stored with
 * the file extension {@code .tlog-proof}. Immutable; byte arrays are copied in and out.
 */
public final class TlogProof {
  /** The first line of every proof. */
  public static final String HEADER = "c2sp.org/tlog-proof@v1";

  private final long index;
  private final byte[] extra;
  private final List<byte[]> hashes;
  private final String checkpoint;

  private TlogProof(long index, byte[] extra, List<byte[]> hashes, String checkpoint) {
    if (index < 0) {
      throw new IllegalArgumentException("proof index must not be negative, was " + index);
    }
    List<byte[]> copy = new ArrayList<>(hashes.size());
    for (int i = 0; i < hashes.size(); i++) {
      byte[] h = hashes.get(i);
      if (h == null || h.length != MerkleHash.SIZE) {
        throw new IllegalArgumentException(
            "proof hash " + i + " must be 32 bytes, was " + (h == null ? "missing" : h.length));
      }
      copy.add(h.clone());
    }
    if (checkpoint == null || checkpoint.isEmpty() || !checkpoint.endsWith("\n")) {
      throw new IllegalArgumentException(
          "checkpoint must be a signed note ending in a newline, was \"" + checkpoint + "\"");
    }
    this.index = index;
    this.extra = extra == null ? null : extra.clone();
    this.hashes = Collections.unmodifiableList(copy);
    this.checkpoint = checkpoint;
  }

  /**
   * Returns a proof for the entry at {@code index} that carries the entry in its {@code extra}
   * line.
   *
   * @param signedCheckpoint the checkpoint as a signed note, verbatim
   */
  public static TlogProof of(
      long index, byte[] entry, List<byte[]> hashes, String signedCheckpoint) {
    if (entry == null) {
      throw new IllegalArgumentException("entry is missing; use the overload without an entry");
    }
    return new TlogProof(index, entry, hashes, signedCheckpoint);
  }

  /** Returns a proof without extra data; the verifier must then be given the entry. */
  public static TlogProof of(long index, List<byte[]> hashes, String signedCheckpoint) {
    return new TlogProof(index, null, hashes, signedCheckpoint);
  }

  /**
   * Proves that the entry at {@code index} of {@code store}'s log is included under {@code
   * signedCheckpoint}, from stored tree nodes (O(log n) reads), and checks that the proof leads to
   * the checkpoint's root before returning it: a proof that does not verify is never handed out.
   * The proof carries the entry.
   *
   * @param signedCheckpoint a signed checkpoint of the log, verbatim (as {@link
   *     LogStore#latestCheckpoint()} returns it); its signature is not checked here
   * @throws IllegalArgumentException if the checkpoint does not cover {@code index} or is not a
   *     signed checkpoint
   * @throws ProofException if the stored tree does not lead to the checkpoint's root
   * @throws IOException if the store cannot be read
   */
  public static TlogProof prove(LogStore store, long index, String signedCheckpoint)
      throws IOException, ProofException {
    Checkpoint cp = LogStore.checkpointOf(signedCheckpoint);
    if (index < 0 || index >= cp.size()) {
      throw new IllegalArgumentException(
          "record " + index + " is not covered by the checkpoint of " + cp.size() + " records");
    }
    byte[] entry = store.entry(index);
    try {
      List<byte[]> hashes = store.inclusionProof(index, cp.size());
      Proofs.verifyInclusion(index, cp.size(), MerkleHash.leaf(entry), hashes, cp.root());
      return of(index, entry, hashes, signedCheckpoint);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The zero-based index of the entry in the log. */
  public long index() {
    return index;
  }

  /** The extra data; in AIMS proofs, the entry's bytes. */
  public Optional<byte[]> extra() {
    return extra == null ? Optional.empty() : Optional.of(extra.clone());
  }

  /** The inclusion proof hashes, from the leaf's sibling up to the root's child. */
  public List<byte[]> hashes() {
    List<byte[]> out = new ArrayList<>(hashes.size());
    for (byte[] h : hashes) {
      out.add(h.clone());
    }
    return out;
  }

  /** The signed checkpoint note, verbatim. */
  public String checkpoint() {
    return checkpoint;
  }

  /** Returns the proof text. */
  public String format() {
    Base64.Encoder b64 = Base64.getEncoder();
    StringBuilder sb = new StringBuilder(256 + checkpoint.length());
    sb.append(HEADER).append('\n');
    if (extra != null) {
      sb.append("extra ").append(b64.encodeToString(extra)).append('\n');
    }
    sb.append("index ").append(index).append('\n');
    for (byte[] h : hashes) {
      sb.append(b64.encodeToString(h)).append('\n');
    }
    sb.append('\n').append(checkpoint);
    return sb.toString();
  }

  /**
   * Parses a proof text.
   *
   * @throws ProofException naming the malformed line
   */
  public static TlogProof parse(String text) {
    if (text == null) {
      throw new ProofException("proof text is missing");
    }
    int pos = 0;
    int lineNo = 0;
    String line;
    int end = text.indexOf('\n', pos);
    List<String> lines = new ArrayList<>();
    // Header lines run up to the first empty line; the checkpoint follows verbatim.
    while (true) {
      if (end < 0) {
        throw new ProofException(
            "proof has no empty line before the checkpoint (after line " + lineNo + ")");
      }
      line = text.substring(pos, end);
      lineNo++;
      pos = end + 1;
      if (line.isEmpty()) {
        break;
      }
      lines.add(line);
      end = text.indexOf('\n', pos);
    }
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new ProofException(
          "proof line 1 must be \""
              + HEADER
              + "\", was \""
              + (lines.isEmpty() ? "" : lines.get(0))
              + "\"");
    }
    int i = 1;
    byte[] extra = null;
    if (i < lines.size() && lines.get(i).startsWith("extra ")) {
      extra = decode(lines.get(i).substring(6), "extra data on line " + (i + 1));
      i++;
    }
    if (i >= lines.size() || !lines.get(i).startsWith("index ")) {
      throw new ProofException("proof line " + (i + 1) + " must be \"index <N>\"");
    }
    String n = lines.get(i).substring(6);
    if (!n.matches("0|[1-9][0-9]{0,18}")) {
      throw new ProofException(
          "proof index \""
              + n
              + "\" on line "
              + (i + 1)
              + " is not a decimal without leading zeros");
    }
    long index;
    try {
      index = Long.parseLong(n);
    } catch (NumberFormatException e) {
      throw new ProofException("proof index \"" + n + "\" is too large", e);
    }
    i++;
    List<byte[]> hashes = new ArrayList<>();
    for (; i < lines.size(); i++) {
      byte[] h = decode(lines.get(i), "proof hash on line " + (i + 1));
      if (h.length != MerkleHash.SIZE) {
        throw new ProofException(
            "proof hash on line " + (i + 1) + " must be 32 bytes, was " + h.length);
      }
      hashes.add(h);
    }
    String checkpoint = text.substring(pos);
    if (checkpoint.isEmpty() || !checkpoint.endsWith("\n")) {
      throw new ProofException("proof has no checkpoint after the empty line " + lineNo);
    }
    return new TlogProof(index, extra, hashes, checkpoint);
  }

  /**
   * Verifies the proof with the entry carried in its {@code extra} line: the checkpoint's
   * signature, then that the entry's leaf hash is at {@link #index()} under the checkpoint's root.
   *
   * @return the verified checkpoint
   * @throws ProofException if the proof carries no entry or the inclusion does not hold
   * @throws NoteException if the checkpoint is malformed or not signed by the key
   */
  public Checkpoint verify(NoteVerifier verifier) {
    if (extra == null) {
      throw new ProofException(
          "proof carries no entry (no extra line); verify it with the entry's bytes");
    }
    return verify(verifier, extra);
  }

  /**
   * Verifies the proof for the given entry bytes; see {@link #verify(NoteVerifier)}.
   *
   * @return the verified checkpoint
   */
  public Checkpoint verify(NoteVerifier verifier, byte[] entry) {
    Checkpoint cp = verifier.verifyCheckpoint(checkpoint);
    if (index >= cp.size()) {
      throw new ProofException(
          "entry index " + index + " is not within the checkpoint's tree of size " + cp.size());
    }
    Proofs.verifyInclusion(index, cp.size(), MerkleHash.leaf(entry), hashes, cp.root());
    return cp;
  }

  private static byte[] decode(String b64, String what) {
    byte[] out;
    try {
      out = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new ProofException(what + " is not valid base64: \"" + b64 + "\"", e);
    }
    // Only the canonical encoding: no two proof texts may carry the same bytes.
    if (!Base64.getEncoder().encodeToString(out).equals(b64)) {
      throw new ProofException(what + " is not canonical base64: \"" + b64 + "\"");
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TlogProof)) {
      return false;
    }
    TlogProof p = (TlogProof) o;
    if (index != p.index || !Arrays.equals(extra, p.extra) || !checkpoint.equals(p.checkpoint)) {
      return false;
    }
    if (hashes.size() != p.hashes.size()) {
      return false;
    }
    for (int i = 0; i < hashes.size(); i++) {
      if (!Arrays.equals(hashes.get(i), p.hashes.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(index) * 31 + checkpoint.hashCode();
  }

  @Override
  public String toString() {
    return "TlogProof{index=" + index + ", hashes=" + hashes.size() + "}";
  }
}
