package dev.aims.evidence.witness;

import dev.aims.evidence.store.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@link CosignatureStore} of a directory: one {@code <size>.note} file per checkpoint. */
final class DirectoryCosignatureStore implements CosignatureStore {
  static final String SUFFIX = ".note";

  /** A note's file name: the size in decimal, without leading zeros, and the suffix. */
  static final Pattern NAME = Pattern.compile("(0|[1-9][0-9]{0,17})\\.note");

  private final Path dir;
  private final boolean posix =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  DirectoryCosignatureStore(Path dir) {
    this.dir = dir;
  }

  @Override
  public synchronized void put(long size, String cosignedNote) throws IOException {
    String name = CosignatureStore.fileName(size);
    Files.createDirectories(dir, attributes("rwxr-xr-x"));
    // The temporary file's leading dot keeps it out of sizes() and a reader's *.note listing.
    DurableFiles.replace(
        dir.resolve(name), cosignedNote.getBytes(StandardCharsets.UTF_8), "rw-r--r--");
  }

  @Override
  public Optional<String> get(long size) throws IOException {
    try {
      return Optional.of(
          Files.readString(dir.resolve(CosignatureStore.fileName(size)), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Long> sizes() throws IOException {
    List<Long> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path f : files) {
        Matcher m = NAME.matcher(f.getFileName().toString());
        if (m.matches()) {
          out.add(Long.parseLong(m.group(1)));
        }
      }
    }
    Collections.sort(out);
    return out;
  }

  private FileAttribute<?>[] attributes(String mode) {
    return posix
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))
        }
        : new FileAttribute<?>[0];
  }

  @Override
  public String toString() {
    return "CosignatureStore{" + dir + "}";
  }
}
