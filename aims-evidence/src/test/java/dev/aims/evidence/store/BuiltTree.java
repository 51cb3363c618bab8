package dev.aims.evidence.store;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.NodeTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A tree built the way the file store builds one: a node file in post-order, an upper levels file
 * fed by the same range, and an in-memory table of every node to compare with.
 */
final class BuiltTree implements AutoCloseable {
  final Path nodesFile;
  final Path upperFile;
  final FileChannel nodes;
  final FileChannel upperChannel;
  final NodeTable table = new NodeTable();
  final UpperLevels upper;
  final CompactRange range;

  private BuiltTree(Path dir, int level, int chunkNodes) throws IOException {
    nodesFile = dir.resolve("tree.nodes");
    upperFile = dir.resolve("tree.upper");
    nodes = open(nodesFile);
    upperChannel = open(upperFile);
    upper = UpperLevels.load(upperChannel, upperFile.toString(), 0, level, chunkNodes);
    range =
        CompactRange.create(
            (l, index, hash) -> {
              try {
                FileLayout.writeFully(
                    nodes,
                    ByteBuffer.wrap(hash),
                    FileLayout.nodePosition(l, index) * FileLayout.NODE_WIDTH);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              table.node(l, index, hash);
              upper.node(l, index, hash);
            });
  }

  /** Builds a tree of {@code size} leaves in {@code dir}; leaf {@code i} is seeded by {@code i}. */
  static BuiltTree of(Path dir, long size, int level, int chunkNodes) throws IOException {
    BuiltTree tree = new BuiltTree(dir, level, chunkNodes);
    tree.append(0, size, 0);
    return tree;
  }

  static BuiltTree of(Path dir, long size) throws IOException {
    return of(dir, size, UpperLevels.LEVEL, 1 << 15);
  }

  static FileChannel open(Path file) throws IOException {
    return FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  static byte[] leaf(long i, long seed) {
    return MerkleHash.leaf(ByteBuffer.allocate(16).putLong(i).putLong(seed).array());
  }

  /** Appends leaves {@code from} (the current size) up to {@code to}. */
  void append(long from, long to, long seed) {
    for (long i = from; i < to; i++) {
      range.append(leaf(i, seed));
    }
  }

  byte[] upperFileBytes() throws IOException {
    return Files.readAllBytes(upperFile);
  }

  @Override
  public void close() throws IOException {
    nodes.close();
    upperChannel.close();
  }
}
