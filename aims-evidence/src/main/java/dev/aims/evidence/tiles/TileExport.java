package dev.aims.evidence.tiles;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.tiles.TileExportException.Failure;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import dev.aims.evidence.witness.Cosignature;
import dev.aims.evidence.witness.CosignatureStore;
import dev.aims.evidence.witness.CosignedCheckpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Exports an evidence log directory as a C2SP tlog-tiles directory ({@link TileLogWriter}) whose
 * checkpoint is signed with the log's signer key, after checking that the log deserves it.
 *
 * <p>Signing a fresh checkpoint vouches for the entries, so {@link #export()} first checks that the
 * signer key signed the log's latest checkpoint and that the whole log verifies ({@link
 * LogVerifier}) with the signer's verifier key and the trusted earlier keys; otherwise nothing is
 * written. Only the entries that the latest signed checkpoint covers are exported, and the export
 * fails if the exported tree's root differs from that checkpoint's. The tile log carries the log's
 * own origin. The log is streamed in constant memory.
 *
 * <p><b>Key rotation.</b> Older checkpoints of a log whose key was rotated are signed only by the
 * earlier keys: {@link Builder#trust(NoteVerifier)} adds such a key, and {@link
 * Builder#followKeyRotations(boolean)} learns the next key of each key rotation record that a
 * checkpoint signed by a trusted key covers, so the first key is enough. The latest checkpoint must
 * still be signed by the signer key.
 *
 * <p><b>Cosignatures.</b> When the log keeps witnesses' cosignatures ({@code
 * cosignatures/<size>.note}, see {@link dev.aims.evidence.witness.Witnessing}), those of the
 * exported size are added to the tile log's {@code checkpoint} (they sign the same checkpoint
 * text), and the latest cosigned checkpoint below it is written as {@code checkpoint.<size>}, so
 * that a tile log verifies under a witness policy even when its latest checkpoint was not witnessed
 * yet.
 *
 * <pre>{@code
 * TileExport.Result r = TileExport.builder().log(dir).tiles(out).signer(signer).build().export();
 * }</pre>
 *
 * <p>Instances are immutable; each {@link #export()} reads the log afresh.
 */
public final class TileExport {
  private final Path log;
  private final Path tiles;
  private final NoteSigner signer;
  private final List<NoteVerifier> keys;
  private final boolean followKeyRotations;
  private final boolean canonicalJson;

  private TileExport(Builder b) {
    this.log = Objects.requireNonNull(b.log, "log");
    this.tiles = Objects.requireNonNull(b.tiles, "tiles");
    this.signer = Objects.requireNonNull(b.signer, "signer");
    List<NoteVerifier> k = new ArrayList<>(List.of(signer.verifier()));
    for (NoteVerifier v : b.trusted) {
      if (!k.contains(v)) {
        k.add(v);
      }
    }
    this.keys = List.copyOf(k);
    this.followKeyRotations = b.followKeyRotations;
    this.canonicalJson = b.canonicalJson;
  }

  /**
   * Returns a builder; {@link Builder#log}, {@link Builder#tiles} and {@link Builder#signer} are
   * required.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The evidence log directory to export. */
  public Path log() {
    return log;
  }

  /** The tile directory to write (new or empty). */
  public Path tiles() {
    return tiles;
  }

  /** The signer key's name ({@code name+hex8 id}). */
  public String keyName() {
    return signer.verifier().keyName();
  }

  /**
   * The verifier keys the log is verified with: the signer's verifier key first, then the trusted
   * earlier keys, without repeats.
   */
  public List<NoteVerifier> keys() {
    return keys;
  }

  /** What an export wrote. */
  public record Result(Checkpoint checkpoint, long logSize, String keyName) {
    /** Checks the fields. */
    public Result {
      Objects.requireNonNull(checkpoint, "checkpoint");
      Objects.requireNonNull(keyName, "keyName");
    }

    /** The number of entries exported: those the log's latest signed checkpoint covers. */
    public long entries() {
      return checkpoint.size();
    }

    /** The number of the log's entries after its latest signed checkpoint, which were left out. */
    public long leftOut() {
      return logSize - checkpoint.size();
    }

    /**
     * Returns the export in words, as {@code aims export} prints it: what was written where, under
     * which root and key, and on a second line how many entries after the last checkpoint were left
     * out, when any were. Each line ends in {@code \n}.
     *
     * @param tiles the tile directory written, as it is to be named
     */
    public String summary(Path tiles) {
      String written =
          "exported "
              + entries()
              + " entries of "
              + checkpoint.origin()
              + " to "
              + tiles
              + " (root "
              + Base64.getEncoder().encodeToString(checkpoint.root())
              + ", checkpoint signed by "
              + keyName
              + ")\n";
      long after = leftOut();
      return after <= 0
          ? written
          : written
              + after
              + (after == 1 ? " entry" : " entries")
              + " after the last checkpoint not exported (the log holds "
              + logSize
              + "; sign a checkpoint over them to export them)\n";
    }
  }

  /**
   * Checks the log and writes the tile directory.
   *
   * @return the tile log's checkpoint (the log's origin, size and root, signed by the signer key)
   *     and the log's size
   * @throws TileExportException if the export is refused or does not match the log; {@link
   *     TileExportException#failure()} says why
   * @throws IOException if a file cannot be read or written
   */
  public Result export() throws IOException, TileExportException {
    if (Files.isDirectory(tiles)) {
      try (Stream<Path> s = Files.list(tiles)) {
        if (s.findAny().isPresent()) {
          throw new TileExportException(
              Failure.TILES_NOT_EMPTY, this, "tile directory " + tiles + " is not empty");
        }
      }
    }
    if (!FileStore.isLogDirectory(log)) {
      throw notALog();
    }
    String keyName = keyName();
    List<String> signers = latestSigners();
    if (!signers.isEmpty() && !signers.contains(keyName)) {
      throw new TileExportException(
          Failure.WRONG_KEY,
          log,
          tiles,
          keyName,
          signers,
          null,
          List.of(),
          "the signer key "
              + keyName
              + " did not sign the latest checkpoint of evidence log "
              + log
              + ", signed by "
              + String.join(", ", signers));
    }
    long covered = verifiedSize();
    FileStore store;
    try {
      store = FileStore.openReadOnly(log);
    } catch (NoSuchFileException e) {
      throw notALog();
    }
    try (store) {
      return write(store, covered);
    }
  }

  /**
   * Verifies the log and returns how many entries its latest signed checkpoint covers; entries
   * after it are no problem, since they are left out.
   */
  private long verifiedSize() throws TileExportException {
    VerificationResult r =
        LogVerifier.builder()
            .keys(keys)
            .followKeyRotations(followKeyRotations)
            .canonicalJson(canonicalJson)
            .build()
            .verify(log);
    boolean onlyCoverage =
        r.omittedProblems() == 0
            && r.problems().stream().allMatch(p -> p.check() == Problem.Check.COVERAGE);
    if (!onlyCoverage) {
      long count = r.problems().size() + r.omittedProblems();
      boolean signatures =
          r.problems().stream().anyMatch(p -> p.check() == Problem.Check.SIGNATURE);
      throw new TileExportException(
          Failure.LOG_DOES_NOT_VERIFY,
          log,
          tiles,
          keyName(),
          List.of(),
          r,
          signatures ? untrustedSigners(r.keys()) : List.of(),
          "evidence log "
              + log
              + " does not verify with the "
              + keys.size()
              + (keys.size() == 1 ? " key " : " keys ")
              + "given: "
              + count
              + (count == 1 ? " problem" : " problems"));
    }
    long covered =
        r.problems().stream()
            .filter(p -> p.check() == Problem.Check.COVERAGE)
            .mapToLong(Problem::index)
            .findFirst()
            .orElse(r.entries());
    if (covered <= 0 && r.entries() > 0) {
      throw new TileExportException(
          Failure.NOTHING_COVERED,
          this,
          "no signed checkpoint of evidence log "
              + log
              + " covers any of its "
              + r.entries()
              + " entries; nothing to export (close the log, or sign a checkpoint, first)");
    }
    return covered;
  }

  private Result write(FileStore store, long covered) throws IOException, TileExportException {
    NoteVerifier verifier = signer.verifier();
    Optional<String> latest = store.latestCheckpoint();
    Checkpoint signed;
    try {
      signed = latest.map(verifier::verifyCheckpoint).orElse(null);
    } catch (NoteException | IllegalArgumentException e) {
      throw new TileExportException(
          Failure.LATEST_CHECKPOINT,
          this,
          "the latest checkpoint of evidence log "
              + log
              + " does not verify with the key "
              + keyName()
              + ": "
              + e.getMessage());
    }
    long size = signed == null ? 0 : signed.size();
    if (size != covered) {
      throw new TileExportException(
          Failure.CHANGED,
          this,
          "evidence log "
              + log
              + " changed while it was verified (its latest checkpoint covered "
              + covered
              + " entries, now "
              + size
              + "); export again");
    }
    String origin = signed == null ? signer.name() : signed.origin();
    byte[] root = signed == null ? store.root(0) : signed.root();
    long total = store.size();
    TileLogWriter writer = TileLogWriter.create(tiles, signer, origin);
    try (Stream<byte[]> entries = store.entries(0).limit(size)) {
      Iterator<byte[]> it = entries.iterator();
      while (it.hasNext()) {
        writer.append(it.next());
      }
    } catch (IllegalArgumentException e) {
      throw new TileExportException(Failure.ENTRY, this, e.getMessage());
    }
    Checkpoint cp = writer.publish();
    if (cp.size() != size || !Arrays.equals(cp.root(), root)) {
      throw new TileExportException(
          Failure.ROOT_MISMATCH,
          this,
          "the exported tree (size "
              + cp.size()
              + ") does not match the latest signed checkpoint of "
              + log
              + " (size "
              + size
              + "); run 'aims verify' on the log");
    }
    carryCosignatures(store, cp);
    return new Result(cp, total, keyName());
  }

  /**
   * Carries the log's cosignatures into the tile log: the cosignature lines kept for the exported
   * checkpoint's size go onto the tiles' {@code checkpoint} (they sign its text, which is the
   * same), and the latest cosigned checkpoint below that size, when signed by the signer key and
   * matching the exported tree, is kept as {@code checkpoint.<size>}, the tile log's checkpoint
   * history.
   */
  private void carryCosignatures(FileStore store, Checkpoint cp) throws IOException {
    CosignatureStore kept = CosignatureStore.ofLog(log);
    List<Long> sizes = kept.sizes();
    String text = cp.format();
    Optional<String> atSize = sizes.contains(cp.size()) ? kept.get(cp.size()) : Optional.empty();
    if (atSize.isPresent() && atSize.get().startsWith(text + "\n")) {
      Path file = tiles.resolve(TilePaths.CHECKPOINT);
      String note = Files.readString(file, StandardCharsets.UTF_8);
      String cosigned = Cosignature.addTo(note, CosignedCheckpoint.cosignatureLines(atSize.get()));
      TileLogWriter.writeFile(
          tiles, TilePaths.CHECKPOINT, cosigned.getBytes(StandardCharsets.UTF_8));
    }
    for (int i = sizes.size() - 1; i >= 0; i--) {
      long s = sizes.get(i);
      if (s >= cp.size() || s == 0) {
        continue;
      }
      Optional<String> note = kept.get(s);
      if (note.isPresent() && ofExportedTree(note.get(), store, s)) {
        TileLogWriter.writeFile(
            tiles, TilePaths.CHECKPOINT + "." + s, note.get().getBytes(StandardCharsets.UTF_8));
      }
      return;
    }
  }

  /** Whether {@code note} is signed by the signer key and has the log's root at {@code size}. */
  private boolean ofExportedTree(String note, FileStore store, long size) throws IOException {
    try {
      Checkpoint c = signer.verifier().verifyCheckpoint(note);
      return c.size() == size && Arrays.equals(c.root(), store.root(size));
    } catch (NoteException | IllegalArgumentException e) {
      return false;
    }
  }

  private TileExportException notALog() {
    return new TileExportException(
        Failure.NOT_A_LOG, this, log + " is not an evidence log directory");
  }

  /**
   * Returns the keys ({@code name+hex8 id}) named on the signature lines of the log's latest
   * checkpoint, or none when the log has no checkpoint or cannot be opened (the verifier then says
   * what is wrong).
   */
  private List<String> latestSigners() {
    Optional<String> latest;
    try (FileStore store = FileStore.openReadOnly(log)) {
      latest = store.latestCheckpoint();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return latest.map(NoteVerifier::signers).orElse(List.of());
  }

  /**
   * Returns the keys ({@code name+hex8 id}) that signed checkpoints of the log that none of the
   * trusted verifier keys ({@code vkeys}) verifies, in the order first seen; none when the
   * checkpoints cannot be read.
   */
  private List<String> untrustedSigners(List<String> vkeys) {
    List<NoteVerifier> trusted = new ArrayList<>();
    List<String> trustedNames = new ArrayList<>();
    for (String vkey : vkeys) {
      try {
        NoteVerifier v = NoteVerifier.parse(vkey);
        trusted.add(v);
        trustedNames.add(v.keyName());
      } catch (NoteException | IllegalArgumentException e) {
        // Only keys that parsed were trusted.
      }
    }
    Set<String> found = new LinkedHashSet<>();
    try (FileStore store = FileStore.openReadOnly(log);
        Stream<String> notes = store.checkpoints()) {
      notes
          .filter(note -> trusted.stream().noneMatch(v -> verifies(v, note)))
          .flatMap(note -> NoteVerifier.signers(note).stream())
          .filter(k -> !trustedNames.contains(k))
          .forEach(found::add);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return List.copyOf(found);
  }

  private static boolean verifies(NoteVerifier v, String note) {
    try {
      v.verify(note);
      return true;
    } catch (NoteException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Configures a {@link TileExport}. Not thread-safe. */
  public static final class Builder {
    private Path log;
    private Path tiles;
    private NoteSigner signer;
    private final List<NoteVerifier> trusted = new ArrayList<>();
    private boolean followKeyRotations;
    private boolean canonicalJson = true;

    private Builder() {}

    /** Sets the evidence log directory to export (required). */
    public Builder log(Path log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /** Sets the tile directory to write, new or empty (required). */
    public Builder tiles(Path tiles) {
      this.tiles = Objects.requireNonNull(tiles, "tiles");
      return this;
    }

    /**
     * Sets the log's signer key (required): it must have signed the log's latest checkpoint, and it
     * signs the tile log's checkpoint.
     */
    public Builder signer(NoteSigner signer) {
      this.signer = Objects.requireNonNull(signer, "signer");
      return this;
    }

    /** Also trusts {@code key}, an earlier verifier key of the log, for its older checkpoints. */
    public Builder trust(NoteVerifier key) {
      trusted.add(Objects.requireNonNull(key, "key"));
      return this;
    }

    /** Also trusts each of {@code keys}; see {@link #trust(NoteVerifier)}. */
    public Builder trust(List<NoteVerifier> keys) {
      keys.forEach(this::trust);
      return this;
    }

    /**
     * Whether to trust the next key of each key rotation record that a checkpoint signed by a
     * trusted key covers ({@link LogVerifier.Builder#followKeyRotations(boolean)}); default off.
     */
    public Builder followKeyRotations(boolean follow) {
      this.followKeyRotations = follow;
      return this;
    }

    /**
     * Whether the log's entries must be canonical JSON evidence records ({@link
     * LogVerifier.Builder#canonicalJson(boolean)}); default on, off for opaque entries.
     */
    public Builder canonicalJson(boolean check) {
      this.canonicalJson = check;
      return this;
    }

    /**
     * Returns the export.
     *
     * @throws NullPointerException if the log, tiles or signer was not set
     */
    public TileExport build() {
      return new TileExport(this);
    }
  }
}
