package dev.aims.cli;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.tiles.TileLogWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aims export DIR --tiles OUT --key SKEY}: writes an evidence log as a C2SP tlog-tiles
 * directory (hash tiles, entry bundles and a checkpoint signed with the log's signer key), the
 * exchange layout that any tlog-tiles tool can check, and that {@code aims verify OUT --key VKEY}
 * accepts. The export streams the log in constant memory and fails if the exported tree's root
 * differs from the stored tree's.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export an evidence log as a C2SP tlog-tiles directory: tiles, entry bundles and a signed"
          + " checkpoint.",
      "The checkpoint is signed with the signer key and carries the log's origin. Exit code 0"
          + " when written, 1 when the export does not match the log, 2 on unusable input."
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The log directory.")
  Path dir;

  @Option(
      names = "--tiles",
      paramLabel = "OUT",
      description = "The directory to write (new or empty).")
  Path tiles;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "SKEY",
      description = "The log's signer key: a .skey file (as 'aims keygen' writes).")
  String key;

  // End to end: without --tiles, an audit pack (PackExporter).
  @picocli.CommandLine.Mixin PackExporter.Options pack = new PackExporter.Options();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (tiles == null) {
      return PackExporter.run(spec, dir, key, pack);
    }
    NoteSigner signer = VerifyKeys.signer(spec, "--key", key);
    if (Files.isDirectory(tiles)) {
      try (Stream<Path> s = Files.list(tiles)) {
        if (s.findAny().isPresent()) {
          err.println("FAILED: --tiles " + tiles + " is not empty; export into a new directory");
          return 2;
        }
      }
    }
    FileStore store;
    try {
      store = FileStore.openReadOnly(dir);
    } catch (NoSuchFileException e) {
      err.println("FAILED: " + dir + " is not an evidence log directory");
      return 2;
    }
    try (store) {
      Optional<String> latest = store.latestCheckpoint();
      // The tile log carries the log's own origin, so its checkpoints name the same log.
      String origin = latest.map(n -> LogStore.checkpointOf(n).origin()).orElse(signer.name());
      long size = store.size();
      TileLogWriter writer = TileLogWriter.create(tiles, signer, origin);
      try (Stream<byte[]> entries = store.entries(0)) {
        Iterator<byte[]> it = entries.iterator();
        while (it.hasNext()) {
          writer.append(it.next());
        }
      } catch (IllegalArgumentException e) {
        err.println("FAILED: " + e.getMessage());
        return 1;
      }
      Checkpoint cp = writer.publish();
      byte[] root = store.root(size);
      if (cp.size() != size || !Arrays.equals(cp.root(), root)) {
        err.println(
            "FAILED: the exported tree (size "
                + cp.size()
                + ") does not match the stored tree (size "
                + size
                + "); run 'aims verify' on the log");
        return 1;
      }
      out.println(
          "exported "
              + size
              + " entries of "
              + origin
              + " to "
              + tiles
              + " (root "
              + Base64.getEncoder().encodeToString(root)
              + ", checkpoint signed by "
              + signer.name()
              + "+"
              + String.format("%08x", signer.keyId())
              + ")");
      return 0;
    }
  }
}
