package dev.aims.benchmarks.proof;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.NodeSource;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.store.BlockProofs;
import dev.aims.evidence.store.UpperLevels;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tree nodes of a log of {@code size} records, in the {@link FileLayout} node layout (every
 * complete node, 32 bytes each, in post-order), over random leaf hashes.
 *
 * <p>The leaf hashes stand in for those of {@code size} entries that are never written: an
 * inclusion proof reads only stored nodes, never entries. Every node above the leaves is the real
 * RFC 9162 hash of its children, computed by {@link CompactRange} as the file store computes it, so
 * proofs read from this file verify against {@link #root()}. {@link #hash} reads one node with one
 * positional read, as {@code FileStore.node} does.
 *
 * <p>Next to it lies the tree's {@link UpperLevels} file (the nodes of level 9 and above, 12.5 MB
 * at 100,000,000 records), built from the node file when missing and held in memory once open, so
 * that {@link #blockProof} reads one block of the node file per proof with {@link BlockProofs}, as
 * the file store will.
 *
 * <p>Generating 100,000,000 records takes 6.4 GB and about a minute; the files are kept (with a
 * sidecar naming the size and root) and reused by later runs. Thread-safe once open.
 */
public final class SyntheticNodeFile implements NodeSource, AutoCloseable {
  private static final HexFormat HEX = HexFormat.of();

  private final Path file;
  private final long size;
  private final byte[] root;
  private final FileChannel channel;
  private final UpperLevels upper;

  private SyntheticNodeFile(Path file, Path upperFile, long size, byte[] root) throws IOException {
    this.file = file;
    this.size = size;
    this.root = root;
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      long expected = FileLayout.nodeCount(size) * FileLayout.NODE_WIDTH;
      if (channel.size() != expected) {
        throw new IllegalStateException(
            "node file " + file + " has " + channel.size() + " bytes, expected " + expected);
      }
      this.upper = openUpperLevels(upperFile);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Loads the upper levels file, building it from the node file first when it is missing; checks it
   * against the node file, and reads the last block into memory as a store that appended it would
   * hold it.
   */
  private UpperLevels openUpperLevels(Path upperFile) throws IOException {
    if (!Files.exists(upperFile)) {
      Path tmp = upperFile.resolveSibling(upperFile.getFileName() + ".tmp");
      try (FileChannel out =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        UpperLevels.rebuild(this, size, out, tmp.toString()).force();
      }
      Files.move(tmp, upperFile, StandardCopyOption.ATOMIC_MOVE);
    }
    UpperLevels loaded;
    try (FileChannel in = FileChannel.open(upperFile, StandardOpenOption.READ)) {
      loaded = UpperLevels.load(in, upperFile.toString(), size);
    }
    loaded.checkAgainst(this, size);
    loaded.loadTail(channel, file.toString(), size);
    return loaded;
  }

  /**
   * Opens the node file for {@code size} records in {@code dir}, generating it first when it is
   * missing or was not completed.
   *
   * @param seed the seed of the random leaf hashes
   * @throws UncheckedIOException when the directory cannot be written or read
   */
  public static SyntheticNodeFile openOrCreate(Path dir, long size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be positive, was " + size);
    }
    Path file = dir.resolve("tree-" + size + "-" + seed + ".nodes");
    Path sidecar = dir.resolve("tree-" + size + "-" + seed + ".root");
    Path upperFile = dir.resolve("tree-" + size + "-" + seed + ".upper");
    try {
      if (!Files.exists(sidecar)) {
        Files.createDirectories(dir);
        byte[] root = generate(file, size, seed);
        Path tmp = dir.resolve(sidecar.getFileName() + ".tmp");
        Files.writeString(tmp, HEX.formatHex(root) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, sidecar, StandardCopyOption.ATOMIC_MOVE);
      }
      byte[] root = HEX.parseHex(Files.readString(sidecar, StandardCharsets.US_ASCII).strip());
      return new SyntheticNodeFile(file, upperFile, size, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create or open the node file " + file, e);
    }
  }

  private static byte[] generate(Path file, long size, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (OutputStream out =
        new BufferedOutputStream(
            Files.newOutputStream(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE),
            1 << 20)) {
      // The range reports the leaf, then every subtree it completes, smallest first: exactly the
      // post-order of the file layout, so the nodes can be written as they come.
      CompactRange range =
          CompactRange.create(
              (level, index, hash) -> {
                try {
                  out.write(hash);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      byte[] leaf = new byte[MerkleHash.SIZE];
      for (long i = 0; i < size; i++) {
        for (int b = 0; b < leaf.length; b += 8) {
          long r = random.nextLong();
          for (int k = 0; k < 8; k++) {
            leaf[b + k] = (byte) (r >>> (8 * k));
          }
        }
        range.append(leaf.clone());
      }
      return range.root();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The number of records the tree covers. */
  public long size() {
    return size;
  }

  /** The tree's root (a copy). */
  public byte[] root() {
    return root.clone();
  }

  /** The file holding the nodes. */
  public Path file() {
    return file;
  }

  /**
   * Reads the hash of the full subtree at {@code level} and {@code index}.
   *
   * @throws IllegalArgumentException when that subtree is not complete in the tree
   * @throws UncheckedIOException when the file cannot be read
   */
  @Override
  public byte[] hash(int level, long index) {
    if (level < 0 || level > 62 || index < 0 || ((index + 1) << level) > size) {
      throw new IllegalArgumentException(
          "no complete node at level " + level + ", index " + index + " in a tree of " + size);
    }
    ByteBuffer buf = ByteBuffer.allocate(FileLayout.NODE_WIDTH);
    long position = FileLayout.nodePosition(level, index) * FileLayout.NODE_WIDTH;
    try {
      while (buf.hasRemaining()) {
        int n = channel.read(buf, position + buf.position());
        if (n < 0) {
          throw new IOException("unexpected end of " + file + " at byte " + position);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read node " + level + "/" + index + " of " + file, e);
    }
    return buf.array();
  }

  /**
   * Builds the inclusion proof of the leaf at {@code index} with {@link BlockProofs}: the leaf's
   * block of the node file in one read, the levels above from memory.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public List<byte[]> blockProof(long index) {
    try {
      return BlockProofs.inclusion(index, size, upper, channel, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tree's upper levels, held in memory. */
  public UpperLevels upperLevels() {
    return upper;
  }

  /**
   * Checks the files against the root for a few leaves: their inclusion proofs, read node by node
   * and block by block, must be equal and verify.
   *
   * @throws dev.aims.evidence.merkle.ProofException when one does not verify
   * @throws IllegalStateException when the two proofs differ
   */
  public void spotCheck(List<Long> indexes) {
    for (long index : indexes) {
      List<byte[]> proof = Proofs.inclusion(index, size, this);
      Proofs.verifyInclusion(index, size, hash(0, index), proof, root);
      List<byte[]> fromBlocks = blockProof(index);
      for (int i = 0; i < proof.size(); i++) {
        if (fromBlocks.size() != proof.size() || !Arrays.equals(fromBlocks.get(i), proof.get(i))) {
          throw new IllegalStateException(
              "the block proof of leaf " + index + " differs from the node by node proof");
        }
      }
    }
  }

  /**
   * Reads the whole node file once (6.4 GB at 100,000,000 records), so that its pages are in the
   * operating system's page cache when memory allows.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public void readIntoPageCache() {
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
    try {
      long position = 0;
      long length = channel.size();
      while (position < length) {
        buf.clear();
        int n = channel.read(buf, position);
        if (n < 0) {
          break;
        }
        position += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Drops the node file's pages from the operating system's page cache, so that the next proofs
   * read from the disk: {@code dd iflag=nocache count=0} advises the kernel to drop this one file;
   * where that fails, {@code /proc/sys/vm/drop_caches} drops every clean page when writable (as
   * root).
   *
   * @throws IllegalStateException when neither works
   */
  public void dropFromPageCache() {
    String ddFailure;
    try {
      Process dd =
          new ProcessBuilder("dd", "if=" + file, "iflag=nocache", "count=0", "status=none")
              .redirectErrorStream(true)
              .start();
      String output = new String(dd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = dd.waitFor();
      if (exit == 0) {
        return;
      }
      ddFailure = "dd exited with " + exit + ": " + output.strip();
    } catch (IOException e) {
      ddFailure = "dd could not run: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while dropping " + file + " from the cache", e);
    }
    Path dropCaches = Path.of("/proc/sys/vm/drop_caches");
    try {
      Files.writeString(dropCaches, "1\n", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot drop "
              + file
              + " from the page cache: "
              + ddFailure
              + "; and "
              + dropCaches
              + " is not writable: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }
}
