package dev.aims.evidence.postgres;

import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.tiles.TileExport;
import dev.aims.evidence.tiles.TileExportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Copies a log stored in PostgreSQL out of the database, as a file log that an auditor takes away
 * and verifies with {@link dev.aims.evidence.verify.LogVerifier} alone, or as a C2SP tlog-tiles
 * directory.
 *
 * <p>Only the entries that the latest checkpoint covers are copied (a live log's newer entries wait
 * for the next checkpoint), with every checkpoint up to it, in the order signed. The directory is
 * written as a whole: into a hidden {@code .NAME.partial-*} directory beside it, moved into place
 * in one step when complete and synced, so that a failed export leaves nothing half-written behind.
 * The database is read in constant memory; nothing is checked on the way beyond what the file store
 * itself checks (each checkpoint's root against the copied entries): verify the result.
 */
public final class PostgresLogExport {
  private static final int BATCH = 4096;

  private PostgresLogExport() {}

  /**
   * Writes the log of {@code store} to {@code out} as a file log directory in the default file
   * store format, and returns the number of entries written.
   *
   * @throws IllegalArgumentException if {@code out} is a file, a directory that is not empty, or a
   *     root directory
   * @throws IOException if the database cannot be read, the directory cannot be written, or the
   *     stored checkpoints do not match the stored entries (the message says which)
   */
  public static long toDirectory(PostgresLogStore store, Path out) throws IOException {
    Path target = checkTarget(out, "export directory");
    Path staging = stagingBeside(target);
    try {
      long written = writeLog(store, staging);
      if (Files.exists(target)) {
        Files.delete(target); // empty, as checked
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return written;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(staging, e);
      throw e;
    }
  }

  /**
   * Writes the log of {@code store} to {@code out} as a C2SP tlog-tiles directory whose checkpoint
   * {@code signer} signs, through {@link TileExport}: the file log is staged in a hidden directory
   * beside {@code out}, checked and exported, then deleted. The signer must have signed the log's
   * latest checkpoint, and the log must verify with its key (a log whose key was rotated cannot be
   * exported this way: its older checkpoints need the earlier keys; export it with {@link
   * #toDirectory} and {@link TileExport}).
   *
   * @throws IllegalArgumentException if {@code out} is a file, a directory that is not empty, or a
   *     root directory
   * @throws TileExportException if the tile export is refused (see {@link
   *     TileExportException#failure()})
   * @throws IOException if the database cannot be read or a directory cannot be written
   */
  public static TileExport.Result toTiles(PostgresLogStore store, NoteSigner signer, Path out)
      throws IOException, TileExportException {
    Path target = checkTarget(out, "tile directory");
    Path staging = stagingBeside(target);
    try {
      writeLog(store, staging);
      return TileExport.builder().log(staging).tiles(target).signer(signer).build().export();
    } finally {
      deleteTree(staging);
    }
  }

  /** Copies the entries up to the latest checkpoint and every checkpoint into a new file log. */
  private static long writeLog(PostgresLogStore store, Path dir) throws IOException {
    // The latest checkpoint first: it covers only committed entries, which the size read next
    // includes, whatever other writers do meanwhile.
    Optional<String> latest = store.latestCheckpoint();
    store.refresh();
    long count = latest.isEmpty() ? 0 : LogStore.checkpointOf(latest.get()).size();
    try (FileStore file = FileStore.open(dir)) {
      try (Stream<byte[]> rows = store.entries(0)) {
        Iterator<byte[]> it = rows.limit(count).iterator();
        List<byte[]> batch = new ArrayList<>(BATCH);
        while (it.hasNext()) {
          batch.add(it.next());
          if (batch.size() == BATCH || !it.hasNext()) {
            file.append(batch);
            batch.clear();
          }
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      if (file.size() != count) {
        throw new IOException(
            "PostgreSQL log "
                + store.origin()
                + ": the latest checkpoint covers "
                + count
                + " entries, but only "
                + file.size()
                + " were read");
      }
      if (latest.isPresent()) {
        copyCheckpoints(store, file, latest.get(), count);
      }
      file.sync();
    }
    // The writer's lock file is no part of the log.
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        if (!FileStore.logFiles().contains(p.getFileName().toString())) {
          Files.delete(p);
        }
      }
    }
    return count;
  }

  private static void copyCheckpoints(
      PostgresLogStore store, FileStore file, String latest, long count) throws IOException {
    try (Stream<String> notes = store.checkpoints()) {
      long seq = 0;
      for (Iterator<String> it = notes.iterator(); it.hasNext(); seq++) {
        String note = it.next();
        if (LogStore.checkpointOf(note).size() > count) {
          return; // signed by another writer after the export began
        }
        try {
          file.appendCheckpoint(note);
        } catch (IllegalArgumentException e) {
          throw new IOException(
              "PostgreSQL log "
                  + store.origin()
                  + ": checkpoint seq "
                  + seq
                  + " does not fit the stored entries: "
                  + e.getMessage(),
              e);
        }
        if (note.equals(latest)) {
          return;
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Path checkTarget(Path out, String what) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new IllegalArgumentException(
            what + " " + out + " is a file; give a new or empty directory");
      }
      try (Stream<Path> s = Files.list(target)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException(
              what + " " + out + " is not empty; give a new or empty directory");
        }
      }
    }
    if (target.getParent() == null) {
      throw new IllegalArgumentException(what + " " + out + " cannot be a root directory");
    }
    return target;
  }

  private static Path stagingBeside(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    return Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".partial-");
  }

  private static void deleteQuietly(Path dir, Exception failure) {
    try {
      deleteTree(dir);
    } catch (IOException cleanup) {
      // The export's own failure is what the caller must see; what is left is a hidden
      // ".partial-" directory that nothing reads.
      failure.addSuppressed(cleanup);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
