package dev.aims.evidence.tiles;

import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a log in the C2SP tlog-tiles layout: entry bundles, hash tiles and a signed checkpoint.
 *
 * <p>Entries are appended one at a time; full tiles and bundles are written as soon as they fill,
 * and {@link #publish()} writes the partial ones and signs a checkpoint for the current size, so
 * calling it after every batch leaves the partial tiles of each published size behind, as a tiled
 * log serves them. Memory stays at one tile per level plus one bundle. Files are replaced
 * atomically. After an {@link IOException} the writer refuses further calls, since its tiles may be
 * half written; start again in a fresh directory. Not thread-safe.
 */
public final class TileLogWriter {
  private final Path dir;
  private final NoteSigner signer;
  private final String origin;
  private final CompactRange range;
  private final List<List<byte[]>> tiles = new ArrayList<>();
  private final List<byte[]> bundle = new ArrayList<>(TilePaths.WIDTH);
  private boolean failed;

  private TileLogWriter(Path dir, NoteSigner signer, String origin) {
    this.dir = dir;
    this.signer = signer;
    this.origin = origin;
    this.range = CompactRange.create(this::node);
  }

  /**
   * Starts a new tile log in {@code dir} (created if missing) whose checkpoints carry the signer's
   * key name as origin.
   *
   * @throws IOException if the directory cannot be created
   * @throws IllegalStateException if {@code dir} already holds a checkpoint or tiles
   */
  public static TileLogWriter create(Path dir, NoteSigner signer) throws IOException {
    return create(dir, signer, signer.name());
  }

  /** Starts a new tile log in {@code dir} with the given checkpoint origin; see {@link #create}. */
  public static TileLogWriter create(Path dir, NoteSigner signer, String origin)
      throws IOException {
    if (Files.exists(dir.resolve(TilePaths.CHECKPOINT)) || Files.exists(dir.resolve("tile"))) {
      throw new IllegalStateException(
          "directory " + dir + " already holds a tile log; write into an empty directory");
    }
    // Fail now on a bad origin instead of at the first publish.
    Checkpoint.of(origin, 0, MerkleHash.emptyRoot());
    Files.createDirectories(dir);
    return new TileLogWriter(dir, signer, origin);
  }

  /**
   * Writes {@code entries} as a complete tile log in {@code dir} and returns the signed checkpoint.
   */
  public static Checkpoint write(Path dir, NoteSigner signer, Iterable<byte[]> entries)
      throws IOException {
    TileLogWriter w = create(dir, signer);
    for (byte[] e : entries) {
      w.append(e);
    }
    return w.publish();
  }

  /**
   * Appends one entry (opaque bytes, at most 65535) and writes any tile or bundle it fills.
   *
   * @throws IOException if a file cannot be written
   */
  public void append(byte[] entry) throws IOException {
    if (entry.length > EntryBundles.MAX_ENTRY_SIZE) {
      throw new IllegalArgumentException(
          "entry "
              + range.size()
              + " is "
              + entry.length
              + " bytes; a tile entry holds at most 65535");
    }
    checkUsable();
    long index = range.size();
    bundle.add(entry.clone());
    try {
      range.append(MerkleHash.leaf(entry));
      if (bundle.size() == TilePaths.WIDTH) {
        writeFile(TilePaths.entries(index >>> 8, TilePaths.WIDTH), EntryBundles.encode(bundle));
        bundle.clear();
      }
    } catch (UncheckedIOException e) {
      failed = true;
      throw e.getCause();
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  private void checkUsable() {
    if (failed) {
      throw new IllegalStateException(
          "an earlier write to " + dir + " failed; the tile log there is incomplete");
    }
  }

  /**
   * Writes the partial tiles and bundle of the current size and a checkpoint signed by the signer,
   * and returns the checkpoint.
   *
   * @throws IOException if a file cannot be written
   */
  public Checkpoint publish() throws IOException {
    checkUsable();
    failed = true;
    long size = range.size();
    if (!bundle.isEmpty()) {
      writeFile(TilePaths.entries(size >>> 8, bundle.size()), EntryBundles.encode(bundle));
    }
    for (int level = 0; level < tiles.size(); level++) {
      List<byte[]> hashes = tiles.get(level);
      if (!hashes.isEmpty()) {
        long nodes = size >>> (TilePaths.HEIGHT * level);
        writeFile(TilePaths.tile(level, nodes >>> 8, hashes.size()), concat(hashes));
      }
    }
    Checkpoint cp = Checkpoint.of(origin, size, range.root());
    writeFile(TilePaths.CHECKPOINT, signer.sign(cp.format()).getBytes(StandardCharsets.UTF_8));
    failed = false;
    return cp;
  }

  /** Returns the number of entries appended. */
  public long size() {
    return range.size();
  }

  /** Returns the Merkle root of the entries appended so far. */
  public byte[] root() {
    return range.root();
  }

  private void node(int level, long index, byte[] hash) {
    if (level % TilePaths.HEIGHT != 0) {
      return;
    }
    int tileLevel = level / TilePaths.HEIGHT;
    while (tiles.size() <= tileLevel) {
      tiles.add(new ArrayList<>(TilePaths.WIDTH));
    }
    List<byte[]> hashes = tiles.get(tileLevel);
    hashes.add(hash);
    if (hashes.size() == TilePaths.WIDTH) {
      try {
        writeFile(TilePaths.tile(tileLevel, index >>> 8, TilePaths.WIDTH), concat(hashes));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      hashes.clear();
    }
  }

  private static byte[] concat(List<byte[]> hashes) {
    byte[] out = new byte[hashes.size() * MerkleHash.SIZE];
    for (int i = 0; i < hashes.size(); i++) {
      System.arraycopy(hashes.get(i), 0, out, i * MerkleHash.SIZE, MerkleHash.SIZE);
    }
    return out;
  }

  private void writeFile(String relative, byte[] data) throws IOException {
    writeFile(dir, relative, data);
  }

  /** Writes {@code data} to {@code relative} inside {@code dir} through a temporary file. */
  static void writeFile(Path dir, String relative, byte[] data) throws IOException {
    Path target = dir.resolve(relative);
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
    try {
      Files.write(tmp, data);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
