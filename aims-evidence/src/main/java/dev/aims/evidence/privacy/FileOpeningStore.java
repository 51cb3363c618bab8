package dev.aims.evidence.privacy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file store of openings: {@code private/openings.data} in the log directory.
 *
 * <p>Layout: the 8 bytes {@code AIMSOPN1}, then one record per opening: a 4-byte big-endian length
 * {@code L} of what follows the state byte, a state byte (1 = kept, 0 = erased), the 32-byte
 * digest, the 32-byte salt and {@code L - 64} bytes of canonical JSON value. Erasure overwrites the
 * salt and value with zeros in place and sets the state to 0, then forces the file: the personal
 * data is gone from the file, the digest (already public in the log) stays. Lookups scan the file
 * sequentially in constant memory; they are rare (a disclosure or an erasure).
 *
 * <p>The {@code private} directory is what must not travel with an audit pack. On POSIX file
 * systems the directory is created rwx------ and the file rw------- in the same step that creates
 * them; a store that already exists with any permission for group or others is refused with an
 * {@link java.nio.file.AccessDeniedException} naming the path, its permissions and the chmod that
 * fixes it (refused rather than warned about: it holds salts and raw personal values). One writer:
 * the file is locked while open. Thread-safe.
 */
final class FileOpeningStore implements OpeningStore {
  static final String DIRECTORY = "private";
  static final String FILE = "openings.data";

  private static final Logger LOG = LoggerFactory.getLogger(FileOpeningStore.class);
  private static final byte[] MAGIC = "AIMSOPN1".getBytes(StandardCharsets.US_ASCII);
  private static final int DIGEST = 32;
  private static final int HEAD = 4 + 1 + DIGEST;
  private static final byte KEPT = 1;
  private static final byte ERASED = 0;
  private static final int MAX_VALUE = 1 << 20;
  private static final int BUFFER = 1 << 16;
  private static final HexFormat HEX = HexFormat.of();
  private static final Set<PosixFilePermission> OWNER_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Object mutex = new Object();
  // Guarded by mutex.
  private final ByteBuffer pending = ByteBuffer.allocate(BUFFER);
  private long written;
  private boolean closed;
  // Bytes known to be forced to disk; a sync with nothing new costs no fsync.
  private volatile long synced;

  private FileOpeningStore(Path file, FileChannel channel, FileLock lock, long written) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.written = written;
    this.synced = written;
  }

  static FileOpeningStore open(Path logDirectory) throws IOException {
    return open(logDirectory, FileChannel::open);
  }

  /** Opens the store's file; tests pass one that fails like a device. */
  @FunctionalInterface
  interface ChannelOpener {
    FileChannel open(Path file, OpenOption... options) throws IOException;
  }

  /** Opens the store as {@link #open(Path)} does, with its file opened by {@code opener}. */
  static FileOpeningStore open(Path logDirectory, ChannelOpener opener) throws IOException {
    Path dir = logDirectory.resolve(DIRECTORY);
    Path file = dir.resolve(FILE);
    boolean posix = Files.getFileStore(existing(logDirectory)).supportsFileAttributeView("posix");
    if (posix) {
      createOwnerOnly(dir, true);
      checkOwnerOnly(dir, true);
      createOwnerOnly(file, false);
      checkOwnerOnly(file, false);
    } else {
      Files.createDirectories(dir);
    }
    FileChannel channel =
        opener.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IOException(file + ": the openings store is held by another writer");
      }
      long end = recover(file, channel);
      return new FileOpeningStore(file, channel, lock, end);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Returns the nearest existing directory at or above {@code p}, for its file store. */
  private static Path existing(Path p) {
    Path at = p.toAbsolutePath();
    while (at != null && !Files.exists(at)) {
      at = at.getParent();
    }
    return at == null ? p.toAbsolutePath().getRoot() : at;
  }

  /**
   * Creates the directory (rwx------) or file (rw-------) owner-only in one step when it is absent,
   * so that it is never readable by others, not even between its creation and a chmod.
   */
  private static void createOwnerOnly(Path p, boolean directory) throws IOException {
    if (Files.exists(p)) {
      return;
    }
    try {
      if (directory) {
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.createDirectory(p, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
      } else {
        Files.createFile(p, PosixFilePermissions.asFileAttribute(OWNER_FILE));
      }
    } catch (FileAlreadyExistsException e) {
      // Created by another process just now: checkOwnerOnly judges it like any existing one.
    }
  }

  /**
   * Refuses a store that others can read or write. Refusing (rather than warning) is the safe
   * choice: the store holds the salts and the raw personal values behind the log's commitments, and
   * a warning in a host's log is easily missed while the data stays exposed.
   */
  private static void checkOwnerOnly(Path p, boolean directory) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
    Set<PosixFilePermission> wider = EnumSet.copyOf(perms);
    wider.removeAll(directory ? OWNER_DIRECTORY : OWNER_FILE);
    if (!wider.isEmpty()) {
      throw new AccessDeniedException(
          p.toString(),
          null,
          "the opening store (salts and personal values) must be owner-only, but its "
              + (directory ? "directory" : "file")
              + " has permissions "
              + PosixFilePermissions.toString(perms)
              + "; run: chmod "
              + (directory ? "700 " : "600 ")
              + p);
    }
  }

  /** Checks the file and cuts off a record torn by a crash; returns the length of the file. */
  private static long recover(Path file, FileChannel channel) throws IOException {
    long size = channel.size();
    if (size < MAGIC.length) {
      // Empty, or a crash while the header was first written: nothing was ever kept.
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(MAGIC), 0);
      channel.force(true);
      return MAGIC.length;
    }
    ByteBuffer magic = ByteBuffer.allocate(MAGIC.length);
    readFully(channel, magic, 0);
    if (!Arrays.equals(magic.array(), MAGIC)) {
      throw new IOException(file + ", byte offset 0: not an openings file (no AIMSOPN1 header)");
    }
    Scanner scan = new Scanner(channel, size);
    long pos = MAGIC.length;
    while (pos < size) {
      if (pos + HEAD > size) {
        break;
      }
      ByteBuffer head = scan.at(pos, 5);
      int length = head.getInt();
      byte state = head.get();
      if (length < 2 * DIGEST || length > 2 * DIGEST + MAX_VALUE || state > KEPT || state < 0) {
        if (pos + 5 + Math.max(length, 0) > size) {
          break;
        }
        throw new IOException(
            file
                + ", byte offset "
                + pos
                + ": record length "
                + length
                + " or state "
                + state
                + " is invalid; the openings file is damaged");
      }
      if (pos + 5 + length > size) {
        break;
      }
      pos += 5 + length;
    }
    if (pos < size) {
      LOG.warn(
          "{}: cutting off {} bytes of a record torn by a crash at byte offset {}",
          file,
          size - pos,
          pos);
      channel.truncate(pos);
      channel.force(true);
    }
    return pos;
  }

  @Override
  public void put(Commitment commitment, Opening opening) throws IOException {
    checkOpens(commitment, opening);
    append(commitment, opening.rawSalt(), opening.rawValue());
  }

  static void checkOpens(Commitment commitment, Opening opening) {
    if (!commitment.isOpenedBy(opening)) {
      throw new IllegalArgumentException(
          "opening does not open commitment " + commitment + ": SHA-256(salt || value) differs");
    }
  }

  private void append(Commitment commitment, byte[] salt, byte[] value) throws IOException {
    if (value.length > MAX_VALUE) {
      throw new IllegalArgumentException(
          "value is " + value.length + " bytes; an opening holds at most " + MAX_VALUE);
    }
    byte[] digest = HEX.parseHex(commitment.digest());
    int length = 5 + 2 * DIGEST + value.length;
    synchronized (mutex) {
      checkOpen();
      if (pending.remaining() < length) {
        flushLocked();
      }
      if (length > pending.capacity()) {
        ByteBuffer big = ByteBuffer.allocate(length);
        fill(big, digest, salt, value).flip();
        try {
          written += writeFully(channel, big, written);
        } catch (IOException e) {
          throw failure("writing an opening to", e);
        }
      } else {
        fill(pending, digest, salt, value);
      }
    }
  }

  private static ByteBuffer fill(ByteBuffer b, byte[] digest, byte[] salt, byte[] value) {
    return b.putInt(2 * DIGEST + value.length).put(KEPT).put(digest).put(salt).put(value);
  }

  @Override
  public Optional<Opening> get(Commitment commitment) throws IOException {
    long end = flush();
    byte[] digest = HEX.parseHex(commitment.digest());
    Scanner scan = new Scanner(channel, end);
    for (long pos = MAGIC.length; pos < end; ) {
      ByteBuffer head = scan.at(pos, HEAD);
      int length = head.getInt();
      byte state = head.get();
      if (state == KEPT && matches(head, digest)) {
        ByteBuffer rest = ByteBuffer.allocate(length - DIGEST);
        readFully(channel, rest, pos + HEAD);
        byte[] salt = Arrays.copyOfRange(rest.array(), 0, DIGEST);
        byte[] value = Arrays.copyOfRange(rest.array(), DIGEST, rest.capacity());
        return Optional.of(Opening.wrap(salt, value));
      }
      pos += 5 + length;
    }
    return Optional.empty();
  }

  @Override
  public boolean erase(Commitment commitment) throws IOException {
    long end = flush();
    byte[] digest = HEX.parseHex(commitment.digest());
    Scanner scan = new Scanner(channel, end);
    boolean erased = false;
    for (long pos = MAGIC.length; pos < end; ) {
      ByteBuffer head = scan.at(pos, HEAD);
      int length = head.getInt();
      byte state = head.get();
      if (state == KEPT && matches(head, digest)) {
        ByteBuffer zeros = ByteBuffer.allocate(length - DIGEST);
        synchronized (mutex) {
          checkOpen();
          try {
            writeFully(channel, ByteBuffer.wrap(new byte[] {ERASED}), pos + 4);
            writeFully(channel, zeros, pos + HEAD);
          } catch (IOException e) {
            throw failure("erasing an opening in", e);
          }
        }
        erased = true;
      }
      pos += 5 + length;
    }
    if (erased) {
      try {
        channel.force(false);
      } catch (IOException e) {
        throw failure("syncing an erasure in", e);
      }
    }
    return erased;
  }

  private static boolean matches(ByteBuffer head, byte[] digest) {
    for (int i = 0; i < DIGEST; i++) {
      if (head.get(5 + i) != digest[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void sync() throws IOException {
    long end = flush();
    if (end != synced) {
      try {
        channel.force(false);
      } catch (IOException e) {
        throw failure("syncing", e);
      }
      synced = end;
    }
  }

  private long flush() throws IOException {
    synchronized (mutex) {
      checkOpen();
      flushLocked();
      return written;
    }
  }

  private void flushLocked() throws IOException {
    pending.flip();
    try {
      written += writeFully(channel, pending, written);
    } catch (IOException e) {
      throw failure("writing openings to", e);
    } finally {
      pending.clear();
    }
  }

  /**
   * Wraps a failure of the file system so that the host learns which file of which log directory
   * failed and at what; the original reason ends the message and is the cause. The message never
   * holds an opening.
   */
  private IOException failure(String operation, IOException e) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new IOException(
        "opening store of the evidence log "
            + file.getParent().getParent()
            + ": "
            + operation
            + " "
            + DIRECTORY
            + "/"
            + FILE
            + " failed: "
            + reason,
        e);
  }

  @Override
  public void close() throws IOException {
    synchronized (mutex) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        flushLocked();
        channel.force(false);
      } finally {
        try {
          lock.release();
        } finally {
          channel.close();
        }
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(file + ": the opening store is closed");
    }
  }

  private static int writeFully(FileChannel channel, ByteBuffer b, long position)
      throws IOException {
    int n = b.remaining();
    long at = position;
    while (b.hasRemaining()) {
      at += channel.write(b, at);
    }
    return n;
  }

  private static void readFully(FileChannel channel, ByteBuffer b, long position)
      throws IOException {
    long at = position;
    while (b.hasRemaining()) {
      int n = channel.read(b, at);
      if (n < 0) {
        throw new IOException("end of file at byte offset " + at);
      }
      at += n;
    }
    b.flip();
  }

  @Override
  public String toString() {
    return "FileOpeningStore[" + file + "]";
  }

  /** Reads a file sequentially through one buffer, in constant memory. */
  private static final class Scanner {
    private final FileChannel channel;
    private final long end;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER);
    private long start = -1;

    Scanner(FileChannel channel, long end) {
      this.channel = channel;
      this.end = end;
    }

    /** Returns a view of {@code n} bytes at {@code pos}, positioned at its first byte. */
    ByteBuffer at(long pos, int n) throws IOException {
      if (start < 0 || pos < start || pos + n > start + buf.limit()) {
        buf.clear();
        buf.limit((int) Math.min(BUFFER, end - pos));
        readFully(channel, buf, pos);
        start = pos;
      }
      ByteBuffer view = buf.duplicate();
      view.position((int) (pos - start));
      view.limit((int) (pos - start) + n);
      return view.slice();
    }
  }
}
