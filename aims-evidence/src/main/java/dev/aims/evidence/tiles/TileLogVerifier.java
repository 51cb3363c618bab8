package dev.aims.evidence.tiles;

import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.tiles.TileLogException.Check;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies a log in the C2SP tlog-tiles layout with nothing but the log's verifier key.
 *
 * <p>Checks, in one streaming pass in constant memory (one tile per level): the checkpoint's
 * signature; every entry bundle the checkpoint covers decodes to the right number of entries; the
 * leaf hash of every entry and every higher-level hash equals the one in the hash tiles; every
 * partial tile or bundle kept for an earlier size is a prefix of the full one; the root recomputed
 * from the entries equals the checkpoint's root. Checkpoints kept for earlier sizes as {@code
 * checkpoint.<N>} files, as some writers do, must verify and match the tree at their size. Entries
 * are opaque bytes; a visitor may look at each. The first failure is thrown as a {@link
 * TileLogException} naming the file, index and check.
 */
public final class TileLogVerifier {
  /** Receives every entry in order while the log is verified. */
  @FunctionalInterface
  public interface EntryVisitor {
    /** Called with the entry at {@code index}; may throw to stop verification. */
    void entry(long index, byte[] entry);
  }

  /**
   * What a verified tile log holds.
   *
   * @param checkpoint the verified checkpoint
   * @param tilesChecked the number of hash tile files compared
   * @param bundlesChecked the number of entry bundle files decoded
   * @param historyChecked the number of earlier checkpoints verified
   */
  public record Result(
      Checkpoint checkpoint, long tilesChecked, long bundlesChecked, long historyChecked) {}

  private final Path dir;
  private final NoteVerifier verifier;
  private final EntryVisitor visitor;
  private long tilesChecked;
  private long bundlesChecked;

  private TileLogVerifier(Path dir, NoteVerifier verifier, EntryVisitor visitor) {
    this.dir = dir;
    this.verifier = verifier;
    this.visitor = visitor;
  }

  /**
   * Verifies the tile log in {@code dir}.
   *
   * @throws TileLogException naming the file, index and check that failed
   */
  public static Result verify(Path dir, NoteVerifier verifier) {
    return verify(dir, verifier, (index, entry) -> {});
  }

  /**
   * Verifies the tile log in {@code dir}, passing every entry to {@code visitor} in order.
   *
   * @throws TileLogException naming the file, index and check that failed
   */
  public static Result verify(Path dir, NoteVerifier verifier, EntryVisitor visitor) {
    return new TileLogVerifier(dir, verifier, visitor).run();
  }

  private Result run() {
    Checkpoint cp = readCheckpoint(TilePaths.CHECKPOINT);
    long size = cp.size();
    Map<Long, List<String>> history = readHistory(size);
    Map<Long, byte[]> historyRoots = new TreeMap<>();
    if (history.containsKey(0L)) {
      historyRoots.put(0L, MerkleHash.emptyRoot());
    }

    List<TileBuffer> levels = new ArrayList<>();
    CompactRange range =
        CompactRange.create(
            (level, index, hash) -> {
              if (level % TilePaths.HEIGHT == 0) {
                onNode(levels, level / TilePaths.HEIGHT, index, hash, size);
              }
            });

    long bundles = (size + TilePaths.WIDTH - 1) / TilePaths.WIDTH;
    for (long n = 0; n < bundles; n++) {
      int width = (int) Math.min(TilePaths.WIDTH, size - n * TilePaths.WIDTH);
      String path = TilePaths.entries(n, width);
      byte[] data = read(path, Check.ENTRY_BUNDLE_MISSING, n * TilePaths.WIDTH);
      List<byte[]> entries = decode(path, data, n * TilePaths.WIDTH, width);
      bundlesChecked++;
      byte[][] leaves = new byte[width][];
      for (int i = 0; i < width; i++) {
        long index = n * TilePaths.WIDTH + i;
        byte[] entry = entries.get(i);
        visitor.entry(index, entry);
        leaves[i] = MerkleHash.leaf(entry);
      }
      checkPartialBundles(n, width, leaves);
      for (byte[] leaf : leaves) {
        range.append(leaf);
        if (history.containsKey(range.size())) {
          historyRoots.put(range.size(), range.root());
        }
      }
    }
    // Partial tiles at the right edge of each level.
    for (int level = 0; level < levels.size(); level++) {
      TileBuffer t = levels.get(level);
      if (t.count > 0) {
        checkTile(level, t.tileIndex, t.count, t.hashes);
      }
    }
    byte[] root = range.root();
    if (!Arrays.equals(root, cp.root())) {
      throw new TileLogException(
          TilePaths.CHECKPOINT,
          -1,
          Check.ROOT,
          "root recomputed from the "
              + size
              + " entries is "
              + b64(root)
              + ", the checkpoint says "
              + b64(cp.root()));
    }
    long historyChecked = 0;
    for (Map.Entry<Long, List<String>> h : history.entrySet()) {
      byte[] expected = historyRoots.get(h.getKey());
      for (String file : h.getValue()) {
        Checkpoint old = readCheckpoint(file);
        if (!Arrays.equals(old.root(), expected)) {
          throw new TileLogException(
              file,
              -1,
              Check.CHECKPOINT_HISTORY,
              "root "
                  + b64(old.root())
                  + " for size "
                  + old.size()
                  + " differs from the tree's root "
                  + b64(expected)
                  + " at that size");
        }
        historyChecked++;
      }
    }
    return new Result(cp, tilesChecked, bundlesChecked, historyChecked);
  }

  /** A tile being filled with recomputed hashes at one tile level. */
  private static final class TileBuffer {
    final byte[][] hashes = new byte[TilePaths.WIDTH][];
    int count;
    long tileIndex;
  }

  private void onNode(List<TileBuffer> levels, int level, long index, byte[] hash, long size) {
    while (levels.size() <= level) {
      levels.add(new TileBuffer());
    }
    TileBuffer t = levels.get(level);
    t.tileIndex = index >>> 8;
    t.hashes[t.count++] = hash;
    if (t.count == TilePaths.WIDTH) {
      checkTile(level, t.tileIndex, TilePaths.WIDTH, t.hashes);
      t.count = 0;
    }
  }

  private void checkTile(int level, long tileIndex, int width, byte[][] hashes) {
    String path = TilePaths.tile(level, tileIndex, width);
    long first = tileIndex * TilePaths.WIDTH;
    compareTile(path, level, first, width, hashes);
    // Partial versions kept from earlier sizes must be prefixes of this tile.
    for (Map.Entry<Integer, String> p :
        partials(TilePaths.partialDir(level, tileIndex)).entrySet()) {
      if (p.getKey() < width) {
        compareTile(p.getValue(), level, first, p.getKey(), hashes);
      }
    }
  }

  private void compareTile(String path, int level, long first, int width, byte[][] hashes) {
    byte[] data = read(path, Check.TILE_MISSING, first);
    tilesChecked++;
    if (data.length != width * MerkleHash.SIZE) {
      throw new TileLogException(
          path,
          first,
          Check.TILE_FORMAT,
          "tile of "
              + width
              + " hashes must be "
              + width * MerkleHash.SIZE
              + " bytes, is "
              + data.length);
    }
    for (int i = 0; i < width; i++) {
      if (!Arrays.equals(
          data, i * MerkleHash.SIZE, (i + 1) * MerkleHash.SIZE, hashes[i], 0, MerkleHash.SIZE)) {
        throw new TileLogException(
            path,
            first + i,
            Check.TILE_HASH,
            "hash "
                + i
                + " of the level "
                + level
                + " tile is "
                + b64(Arrays.copyOfRange(data, i * MerkleHash.SIZE, (i + 1) * MerkleHash.SIZE))
                + ", recomputed from the entries: "
                + b64(hashes[i]));
      }
    }
  }

  private void checkPartialBundles(long n, int width, byte[][] leaves) {
    for (Map.Entry<Integer, String> p : partials(TilePaths.partialEntriesDir(n)).entrySet()) {
      int w = p.getKey();
      if (w >= width) {
        continue; // written for a size beyond this checkpoint
      }
      String path = p.getValue();
      byte[] data = read(path, Check.ENTRY_BUNDLE_MISSING, n * TilePaths.WIDTH);
      List<byte[]> entries = decode(path, data, n * TilePaths.WIDTH, w);
      bundlesChecked++;
      for (int i = 0; i < w; i++) {
        if (!Arrays.equals(MerkleHash.leaf(entries.get(i)), leaves[i])) {
          throw new TileLogException(
              path,
              n * TilePaths.WIDTH + i,
              Check.ENTRY_BUNDLE_MISMATCH,
              "entry " + i + " differs from the same entry in " + TilePaths.entries(n, width));
        }
      }
    }
  }

  private List<byte[]> decode(String path, byte[] data, long first, int width) {
    List<byte[]> entries;
    try {
      entries = EntryBundles.decode(data);
    } catch (IllegalArgumentException e) {
      throw new TileLogException(path, first, Check.ENTRY_BUNDLE_FORMAT, e.getMessage(), e);
    }
    if (entries.size() != width) {
      throw new TileLogException(
          path,
          first,
          Check.ENTRY_BUNDLE_FORMAT,
          "bundle holds " + entries.size() + " entries, expected " + width);
    }
    return entries;
  }

  /** Lists the partial versions in a {@code .p} directory by width (1..255); empty if none. */
  private Map<Integer, String> partials(String relativeDir) {
    Map<Integer, String> out = new TreeMap<>();
    Path d = dir.resolve(relativeDir);
    if (!Files.isDirectory(d)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(d)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.matches("[1-9][0-9]{0,2}") && Integer.parseInt(name) < TilePaths.WIDTH) {
          out.put(Integer.parseInt(name), relativeDir + "/" + name);
        }
      }
    } catch (IOException e) {
      throw new TileLogException(relativeDir, -1, Check.IO, "cannot list: " + e, e);
    }
    return out;
  }

  private Checkpoint readCheckpoint(String file) {
    byte[] data = read(file, Check.CHECKPOINT_MISSING, -1);
    String text;
    try {
      text = verifier.verify(data);
    } catch (NoteException e) {
      throw new TileLogException(file, -1, Check.CHECKPOINT_SIGNATURE, e.getMessage(), e);
    }
    try {
      return Checkpoint.parse(text);
    } catch (NoteException e) {
      throw new TileLogException(file, -1, Check.CHECKPOINT_FORMAT, e.getMessage(), e);
    }
  }

  /** Finds {@code checkpoint.<N>} files and groups them by the size their text states. */
  private Map<Long, List<String>> readHistory(long size) {
    Map<Long, List<String>> out = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "checkpoint.*")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (!name.matches("checkpoint\\.(0|[1-9][0-9]*)")) {
          continue;
        }
        Checkpoint old = readCheckpoint(name);
        if (old.size() > size) {
          throw new TileLogException(
              name,
              -1,
              Check.CHECKPOINT_HISTORY,
              "size " + old.size() + " is beyond the current checkpoint's size " + size);
        }
        out.computeIfAbsent(old.size(), k -> new ArrayList<>()).add(name);
      }
    } catch (IOException e) {
      throw new TileLogException(".", -1, Check.IO, "cannot list the log directory: " + e, e);
    }
    return out;
  }

  private byte[] read(String relative, Check missing, long index) {
    try {
      return Files.readAllBytes(dir.resolve(relative));
    } catch (NoSuchFileException e) {
      throw new TileLogException(relative, index, missing, "file is missing", e);
    } catch (IOException e) {
      throw new TileLogException(relative, index, Check.IO, "cannot read: " + e, e);
    }
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
